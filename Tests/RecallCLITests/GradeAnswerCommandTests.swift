import Foundation
import RecallKit
import Testing

@Suite struct GradeAnswerCommandTests {
    @Test func dryRunPrintsTheVerdictAndRecordsNothing() throws {
        let sandbox = try Sandbox()
        let result = sandbox.run(["grade", "sample/logs", "--answer", "docker container logs --follow web", "--dry-run"])
        #expect(result.status == 0)
        #expect(
            result.output == """
                sample/logs: right (credit 1, command)
                expected: docker logs -f web
                grade:    5 (dry run: nothing recorded)

                """)
        #expect(try sandbox.database().reviewCount() == 0)
    }

    @Test func withoutDryRunTheGradeIsRecordedAsGradeQWould() throws {
        let sandbox = try Sandbox()
        let result = sandbox.run(["grade", "sample/logs", "--answer", "docker logs --tail web"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("sample/logs: wrong (credit 0, command)\nexpected: docker logs -f web\n"))
        #expect(result.output.hasSuffix("sample/logs: grade 1 → interval 1d, due 2026-11-30 (tomorrow), EF 1.96\n"))
        #expect(try sandbox.database().reviewCount() == 1)
    }

    @Test func jsonIsOneObject() throws {
        let sandbox = try Sandbox()
        let result = sandbox.run(["grade", "sample/logs", "--answer", "docker logs -f api", "--dry-run", "--json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(json["verdict"] as? String == "wrong")
        #expect(json["credit"] as? Double == 0)
        #expect(json["expected"] as? String == "docker logs -f web")
        #expect(json["grade"] as? Int == 1)
        #expect(json["recorded"] as? Bool == false)
        #expect(try sandbox.database().reviewCount() == 0)
    }

    @Test func anAnswerMayStartWithADash() throws {
        let sandbox = try Sandbox()
        // `--answer -f` would otherwise read `-f` as an option of its own ("Missing value for '--answer'").
        let result = sandbox.run(["grade", "sample/logs", "--answer", "--follow", "--dry-run", "--json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(json["answer"] as? String == "--follow")
        #expect(json["verdict"] as? String == "wrong")
        #expect(json["recorded"] as? Bool == false)
        #expect(try sandbox.database().reviewCount() == 0)
    }

    @Test func badCombinationsAreRefused() throws {
        let sandbox = try Sandbox()
        #expect(sandbox.run(["grade", "sample/logs"]).status != 0)
        #expect(sandbox.run(["grade", "sample/logs", "3", "--answer", "x"]).status != 0)
        #expect(sandbox.run(["grade", "sample/logs", "3", "--dry-run"]).status != 0)
        #expect(try sandbox.database().reviewCount() == 0)
    }
}
