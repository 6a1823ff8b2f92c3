/// The glossary of the bundled decks: data, one concept per line, its names
/// separated by ` | ` (the first is the canonical English name), `#` starts a
/// comment line. Any two names on one line are the same term to the grader,
/// so a Chinese answer, an acronym or a synonym passes where the card's answer
/// names the concept another way. A name that can mean two concepts (an
/// ambiguous acronym) is never listed. The format is in docs/grading.md.
enum TermGlossaryTable {
    static let bundled = #"""
# ---- parallelism ------------------------------------------------------------
data parallelism | DP | 数据并行
tensor parallelism | tensor model parallelism | 张量并行 | 张量模型并行
pipeline parallelism | pipeline model parallelism | 流水线并行 | 流水线模型并行
sequence parallelism | 序列并行
expert parallelism | 专家并行
# ---- compression ------------------------------------------------------------
quantization | 量化
pruning | 剪枝
knowledge distillation | 知识蒸馏
# ---- retrieval --------------------------------------------------------------
retrieval-augmented generation | RAG | 检索增强生成
vector database | 向量数据库
"""#
}
