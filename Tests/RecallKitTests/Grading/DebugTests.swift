import Testing
@testable import RecallKit

@Suite struct DebugTests {
    @Test func show() {
        for text in ["conda create -n lm python=3.11", "conda create -n llm python=3.11", "ARG PYTHONUNBUFFERED=1", "ENV PYTHONUNBUFFERED=1", "kubectl scale statefulset/web --replicas=5", "docker run -d nginx:latest"] {
            let w = CommandMatcher.words(text)!
            print("DEBUG", text, "→", CommandMatcher.parse(w[...], grammar: .bundled, learned: [], greedy: true, context: nil))
        }
    }
}
