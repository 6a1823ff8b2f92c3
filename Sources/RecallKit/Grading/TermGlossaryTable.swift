/// The glossary of the bundled decks: data, one concept per line, its names
/// separated by ` | ` (the first is the canonical English name), `#` starts a
/// comment line. Any two names on one line are the same term to the grader,
/// so a Chinese answer, an acronym or a synonym passes where the card's answer
/// names the concept another way. A name that can mean two concepts (an
/// ambiguous acronym) is never listed. The format is in docs/grading.md.
enum TermGlossaryTable {
    static let bundled = #"""
        # ---- parallelism strategies -------------------------------------------------
        data parallelism | data parallel | DP | 数据并行
        distributed data parallel | DistributedDataParallel | DDP | 分布式数据并行
        fully sharded data parallel | FSDP | 全分片数据并行 | 完全分片数据并行
        tensor parallelism | tensor model parallelism | TP | 张量并行 | 张量模型并行
        pipeline parallelism | pipeline model parallelism | PP | 流水线并行 | 流水线模型并行 | 管道并行
        sequence parallelism | SP | 序列并行
        context parallelism | 上下文并行
        expert parallelism | EP | 专家并行
        model parallelism | 模型并行
        3D parallelism | 3D 并行 | 三维并行
        hybrid parallelism | 混合并行
        automatic parallelism | auto-parallelism | 自动并行
        inter-operator parallelism | inter-operator | 算子间并行 | 算子间
        intra-operator parallelism | intra-operator | 算子内并行 | 算子内
        Zero Redundancy Optimizer | 零冗余优化器
        ZeRO-1 | ZeRO stage 1 | ZeRO 阶段 1
        ZeRO-2 | ZeRO stage 2 | ZeRO 阶段 2
        ZeRO-3 | ZeRO stage 3 | ZeRO 阶段 3
        ZeRO-Offload | ZeRO Offload
        ZeRO-Infinity | ZeRO Infinity
        optimizer states | optimizer state | 优化器状态
        model states | 模型状态
        CPU offloading | CPU offload | CPU 卸载
        pipeline bubble | bubble | 流水线气泡 | 气泡
        micro-batch | microbatch | micro batch | 微批次 | 微批
        pipeline stage | 流水线阶段
        1F1B | one-forward-one-backward | one forward one backward
        interleaved 1F1B | interleaved 1F1B schedule | interleaved pipeline schedule | virtual pipeline parallelism | 交错式 1F1B | 交错式 1F1B 调度 | 虚拟流水线并行
        activation checkpointing | gradient checkpointing | activation recomputation | rematerialization | re-materialization | 梯度检查点 | 激活重计算
        selective activation recomputation | selective recomputation | 选择性重计算 | 选择性激活重计算
        full activation recomputation | full recomputation | 完全重计算 | 全量重计算
        weight stashing | 权重暂存
        gradient bucketing | 梯度分桶
        gradient synchronization | gradient synchronisation | 梯度同步
        skipping gradient synchronization | skipping gradient sync | 跳过梯度同步
        memory defragmentation | defragmentation | 内存碎片整理 | 碎片整理
        overlapping computation with communication | computation-communication overlap | 计算与通信重叠 | 通信计算重叠
        capacity factor | 容量因子
        expert capacity | 专家容量
        load-balancing loss | load balancing loss | auxiliary load-balancing loss | 负载均衡损失 | 负载均衡辅助损失
        mixture of experts | mixture-of-experts | MoE | 混合专家 | 混合专家模型
        router | gating network | 路由器 | 门控网络
        top-1 routing | top-1 路由
        top-2 routing | top-2 路由
        node-limited routing | 节点受限路由
        local groups | local group | 本地组
        distributed tensor | DTensor
        # ---- collective communication -----------------------------------------------
        collective communication | collectives | 集合通信 | 集体通信
        all-reduce | allreduce | all reduce | 全归约 | 全规约
        all-gather | allgather | all gather | 全收集
        reduce-scatter | reducescatter | reduce scatter
        all-to-all | alltoall | all to all
        broadcast | 广播
        point-to-point communication | 点对点通信
        ring all-reduce | ring allreduce | 环形 all-reduce | 环形全归约
        root rank | 根 rank
        NVIDIA Collective Communications Library | NCCL
        Huawei Collective Communication Library | HCCL | 华为集合通信库
        algorithm bandwidth | algbw | 算法带宽
        bus bandwidth | busbw | 总线带宽
        process group | 进程组
        # ---- distributed training ---------------------------------------------------
        forward pass | 前向传播 | 前向计算
        backward pass | 反向传播 | 反向计算
        loss computation | 损失计算
        optimizer step | optimizer update | 优化器步骤 | 优化器更新
        gradient accumulation | 梯度累积
        gradient clipping | 梯度裁剪
        mixed precision training | mixed-precision training | mixed precision | 混合精度训练 | 混合精度
        automatic mixed precision | AMP | 自动混合精度
        loss scaling | 损失缩放
        dynamic loss scaling | 动态损失缩放
        gradient scaler | GradScaler | 梯度缩放器
        master weights | FP32 master weights | 主权重
        FP16 | float16 | half precision | 半精度 | 半精度浮点
        BF16 | bfloat16 | brain floating point
        FP32 | float32 | single precision | 单精度 | 单精度浮点
        TF32 | TensorFloat-32
        FP8 | 8-bit floating point | 8 位浮点
        exponent bits | 指数位
        exploding gradients | exploding gradient | gradient explosion | 梯度爆炸
        overfitting | over-fitting | 过拟合
        mantissa bits | mantissa | significand | 尾数位 | 尾数
        cross-entropy loss | cross-entropy | cross entropy | 交叉熵损失 | 交叉熵
        negative log-likelihood | negative log likelihood | NLL | 负对数似然
        average negative log-likelihood | mean negative log-likelihood | 平均负对数似然
        perplexity | PPL | 困惑度
        learning rate | 学习率
        learning-rate warmup | learning rate warmup | LR warmup | 学习率预热
        learning-rate scheduler | learning rate scheduler | LR scheduler | 学习率调度器
        gradient noise scale | 梯度噪声尺度
        global batch size | 全局批大小
        micro-batch size | micro batch size | 微批大小 | 微批次大小
        batch size | 批大小 | 批量大小
        model FLOPs utilization | MFU | 模型 FLOPs 利用率 | 模型算力利用率
        hostfile | host file
        # ---- pretraining: architecture -----------------------------------------------
        Transformer | transformer architecture | Transformer 架构
        self-attention | self attention | 自注意力
        scaled dot-product attention | scaled dot product attention | 缩放点积注意力
        multi-head attention | multi-headed attention | MHA | 多头注意力
        multi-query attention | MQA | 多查询注意力
        grouped-query attention | grouped query attention | GQA | 分组查询注意力
        positional encoding | position encoding | 位置编码
        sinusoidal positional encoding | sinusoidal position encoding | 正弦位置编码
        rotary position embedding | rotary positional embedding | RoPE | 旋转位置编码 | 旋转位置嵌入
        layer normalization | layer normalisation | LayerNorm | layer norm | 层归一化
        root mean square layer normalization | RMSNorm | RMS norm | 均方根层归一化 | 均方根归一化
        batch normalization | BatchNorm | batch norm | 批归一化
        Pre-LN | pre-LN Transformer | pre-norm | pre-layer normalization | 前置归一化 | 前置层归一化
        Post-LN | post-LN Transformer | post-norm | post-layer normalization | 后置归一化 | 后置层归一化
        feed-forward network | feed-forward layer | feedforward network | FFN | 前馈网络 | 前馈层
        multilayer perceptron | multi-layer perceptron | MLP | 多层感知机
        residual connection | skip connection | 残差连接
        SwiGLU | Swish-gated linear unit
        GELU | Gaussian error linear unit | 高斯误差线性单元
        ReLU | rectified linear unit | 修正线性单元
        mean-pooling | mean pooling | average pooling | 平均池化 | 均值池化
        decoder-only | decoder-only Transformer | 仅解码器 | 纯解码器
        encoder-decoder | 编码器-解码器
        # ---- pretraining: data, tokens, objectives ------------------------------------
        byte-pair encoding | byte pair encoding | BPE | 字节对编码
        byte-level BPE | byte-level byte-pair encoding | 字节级 BPE
        tokenizer | 分词器
        tokenization | tokenisation | 分词
        vocabulary | vocab | 词表 | 词汇表
        deduplication | dedup | de-duplication | 去重
        locality-sensitive hashing | locality sensitive hashing | LSH | 局部敏感哈希
        Jaccard similarity | Jaccard index | Jaccard 相似度 | 杰卡德相似度
        data contamination | benchmark contamination | test set contamination | 数据污染 | 测试集污染
        data cleaning | 数据清洗
        pretraining | pre-training | 预训练
        continued pre-training | continual pre-training | continued pretraining | 继续预训练 | 持续预训练 | 增量预训练
        scaling laws | scaling law | 缩放定律 | 规模定律 | 扩展定律
        compute-optimal | compute optimal | 计算最优
        Massive Multitask Language Understanding | MMLU
        # ---- pretraining: alignment ----------------------------------------------------
        supervised fine-tuning | supervised finetuning | SFT | 监督微调 | 有监督微调
        instruction tuning | instruction fine-tuning | 指令微调
        reinforcement learning from human feedback | RLHF | 基于人类反馈的强化学习 | 人类反馈强化学习
        reward model | 奖励模型
        proximal policy optimization | proximal policy optimisation | PPO | 近端策略优化
        direct preference optimization | direct preference optimisation | DPO | 直接偏好优化
        Bradley–Terry model | Bradley-Terry model | Bradley–Terry | Bradley-Terry | Bradley–Terry 模型
        KL divergence | Kullback–Leibler divergence | Kullback-Leibler divergence | KL 散度
        KL penalty | KL 惩罚
        reference model | 参考模型
        clipped surrogate objective | 截断代理目标 | 裁剪代理目标
        chat template | 聊天模板 | 对话模板
        example packing | sequence packing | 样本打包 | 序列打包
        # ---- fine-tuning ---------------------------------------------------------------
        fine-tuning | finetuning | fine tuning | 微调
        full fine-tuning | full-parameter fine-tuning | full parameter fine-tuning | 全量微调 | 全参数微调 | 全参微调
        parameter-efficient fine-tuning | parameter efficient fine-tuning | 参数高效微调 | 高效参数微调
        low-rank adaptation | LoRA | 低秩适配 | 低秩自适应 | 低秩适应
        quantized low-rank adaptation | quantized LoRA | QLoRA
        weight-decomposed low-rank adaptation | DoRA | 权重分解低秩适配
        rank-stabilized LoRA | rsLoRA | rank stabilized LoRA
        LoRA adapter | LoRA adapters | LoRA 适配器
        adapter tuning | adapter-tuning | 适配器微调
        prefix tuning | Prefix-Tuning | 前缀微调 | 前缀调优
        prompt tuning | 提示调优 | 提示微调
        soft prompt | soft prompts | 软提示
        virtual tokens | virtual token | 虚拟 token
        Superficial Alignment Hypothesis | 表层对齐假设 | 表面对齐假设
        catastrophic forgetting | 灾难性遗忘
        instruction following | instruction-following | 指令跟随 | 指令遵循
        in-context learning | in context learning | ICL | 上下文学习 | 语境学习
        chain-of-thought | chain of thought | CoT | 思维链
        few-shot | few shot | 少样本
        zero-shot | zero shot | 零样本
        LLM-as-a-judge | LLM as a judge | LLM-as-judge | 大模型评委 | LLM 评委
        position bias | 位置偏差 | 位置偏见
        verbosity bias | 冗长偏差 | 冗长偏见
        self-enhancement bias | 自我增强偏差 | 自我增强偏见
        # ---- quantization ------------------------------------------------------------
        quantization | quantisation | 量化
        post-training quantization | post-training quantisation | PTQ | 训练后量化
        quantization-aware training | quantisation-aware training | QAT | 量化感知训练
        weight-only quantization | weight-only quantisation | 仅权重量化 | 纯权重量化
        activation quantization | 激活量化
        KV cache quantization | KV-cache quantization | KV cache 量化 | KV 缓存量化
        symmetric quantization | 对称量化
        asymmetric quantization | 非对称量化
        affine quantization | 仿射量化
        zero-point | zero point | 零点
        scale factor | scaling factor | scale | 缩放因子
        per-tensor | per-tensor quantization | tensor-wise quantization | 逐张量 | 逐张量量化
        per-channel | per-channel quantization | channel-wise quantization | 逐通道 | 逐通道量化
        per-group | per-group quantization | group-wise quantization | groupwise quantization | 逐组 | 逐组量化 | 分组量化
        group size | 组大小 | 分组大小
        dequantization | dequantisation | 反量化
        quantization error | 量化误差
        round-to-nearest | round to nearest | RTN | 就近舍入 | 最近舍入
        straight-through estimator | straight through estimator | STE | 直通估计器 | 直通估计
        calibration | 校准
        calibration data | calibration set | calibration dataset | 校准数据 | 校准集 | 校准数据集
        INT8 | 8-bit integer | 8 位整数
        INT4 | 4-bit integer | 4 位整数
        INT32 | 32-bit integer | 32 位整数
        NF4 | NormalFloat4 | 4-bit NormalFloat | NormalFloat
        double quantization | double quantisation | 双重量化 | 二次量化
        paged optimizers | paged optimizer | 分页优化器
        outlier features | outlier feature | 离群特征
        outliers | outlier | 离群值 | 异常值
        mixed-precision decomposition | mixed precision decomposition | 混合精度分解
        vector-wise quantization | vector-wise quantisation | 向量级量化
        activation-aware weight quantization | AWQ | 激活感知权重量化
        salient weights | 显著权重
        migration strength | 迁移强度
        smoothing factor | 平滑因子 | 平滑系数
        Hessian | Hessian matrix | 海森矩阵 | 黑塞矩阵
        Optimal Brain Surgeon | OBS
        Optimal Brain Damage | OBD
        Optimal Brain Quantization | OBQ
        grid search | 网格搜索
        outer product | 外积
        low-rank compensation | LoRC | 低秩补偿
        Sparse-Quantized Representation | SpQR
        adaptive rounding | AdaRound | 自适应舍入
        incoherent processing | 非相干处理
        lazy batch updates | 延迟批量更新
        # ---- pruning -----------------------------------------------------------------
        pruning | 剪枝
        unstructured pruning | 非结构化剪枝
        structured pruning | 结构化剪枝
        semi-structured pruning | 半结构化剪枝
        semi-structured sparsity | 半结构化稀疏
        2:4 sparsity | 2:4 structured sparsity | 2:4 semi-structured sparsity | 2:4 稀疏 | 2:4 结构化稀疏 | 2:4 半结构化稀疏
        magnitude pruning | weight magnitude pruning | 幅值剪枝 | 基于幅值的剪枝
        sparsity | sparsity ratio | sparsity level | 稀疏度 | 稀疏性 | 稀疏率
        pruning by weights and activations | Wanda
        L2 norm | L2-norm | Euclidean norm | L2 范数
        coupled structures | 耦合结构
        depth pruning | layer pruning | 深度剪枝 | 层剪枝
        width pruning | 宽度剪枝
        one-shot pruning | 一次性剪枝
        # ---- distillation and low-rank -------------------------------------------------
        knowledge distillation | distillation | KD | 知识蒸馏 | 蒸馏
        teacher model | teacher | 教师模型 | 教师
        student model | student | 学生模型 | 学生
        soft targets | soft target | soft labels | 软目标 | 软标签
        hard targets | hard target | hard labels | 硬目标 | 硬标签
        logits | logit
        white-box distillation | white-box KD | white-box knowledge distillation | 白盒蒸馏 | 白盒知识蒸馏
        black-box distillation | black-box KD | black-box knowledge distillation | 黑盒蒸馏 | 黑盒知识蒸馏
        sequence-level knowledge distillation | sequence-level KD | sequence-level distillation | 序列级知识蒸馏 | 序列级蒸馏
        reverse KL divergence | reverse KL | reverse Kullback–Leibler divergence | 反向 KL 散度 | 反向 KL
        forward KL divergence | forward KL | 正向 KL 散度 | 前向 KL 散度
        generalized knowledge distillation | GKD | 广义知识蒸馏
        layer-wise knowledge distillation | LKD | 逐层知识蒸馏
        Distilling step-by-step | distilling step by step | 逐步蒸馏
        in-context learning distillation | 上下文学习蒸馏
        emergent abilities | emergent ability | 涌现能力
        low-rank factorization | low-rank factorisation | low-rank decomposition | 低秩分解 | 低秩因子分解
        singular value decomposition | SVD | 奇异值分解
        truncated SVD | truncated singular value decomposition | 截断 SVD | 截断奇异值分解
        singular values | singular value | 奇异值
        Eckart–Young theorem | Eckart-Young theorem | Eckart–Young | Eckart-Young | Eckart–Young 定理
        model compression | 模型压缩
        # ---- inference and serving ----------------------------------------------------
        prefill | prefill phase | prefill stage | 预填充 | 预填充阶段
        decode phase | decoding phase | decode stage | 解码阶段
        time to first token | time-to-first-token | TTFT | 首 token 时延 | 首 token 延迟 | 首字延迟
        time per output token | time-per-output-token | TPOT | 每个输出 token 的时间 | 每输出 token 时间
        throughput | 吞吐量 | 吞吐
        latency | 延迟 | 时延
        goodput | 有效吞吐量 | 有效吞吐
        inter-token latency | token 间时延 | token 间延迟
        service-level objective | SLO | 服务等级目标
        KV cache | KV-cache | key-value cache | key value cache | KV 缓存 | 键值缓存
        PagedAttention | paged attention | 分页注意力
        continuous batching | in-flight batching | inflight batching | 连续批处理 | 持续批处理
        dynamic batching | 动态批处理
        iteration-level scheduling | 迭代级调度
        chunked prefill | 分块预填充
        prefix caching | automatic prefix caching | 前缀缓存 | 自动前缀缓存
        disaggregated serving | prefill-decode disaggregation | 预填充与解码分离 | PD 分离
        speculative decoding | speculative sampling | 投机解码 | 推测解码 | 投机采样
        draft model | 草稿模型
        target model | 目标模型
        FlashAttention | Flash Attention
        FlashAttention-2 | Flash Attention 2
        FlashAttention-3 | Flash Attention 3
        Flash-Decoding | Flash Decoding
        online softmax | 在线 softmax
        tree attention | 树注意力
        identity function | identity mapping | 恒等函数 | 恒等映射
        context length | 上下文长度
        context window | 上下文窗口
        long context | 长上下文
        sliding window | 滑动窗口
        operator fusion | kernel fusion | op fusion | 算子融合 | 内核融合
        memory-bound | memory bound | memory-bandwidth-bound | 访存受限 | 访存密集型
        compute-bound | compute bound | 计算受限 | 计算密集型
        arithmetic intensity | operational intensity | 算术强度 | 计算强度 | 运算强度
        roofline model | roofline | Roofline 模型 | 屋顶线模型
        general matrix multiplication | general matrix multiply | GEMM | 通用矩阵乘法
        general matrix-vector multiplication | matrix-vector multiplication | GEMV | 矩阵向量乘法
        greedy decoding | greedy search | 贪心解码 | 贪婪解码
        beam search | 束搜索 | 集束搜索
        Triton Inference Server | Triton 推理服务器
        model repository | 模型仓库
        TensorRT engine | TensorRT engines | TensorRT 引擎
        TensorRT-LLM checkpoint | TensorRT-LLM 检查点
        out of memory | out-of-memory | OOM
        # ---- infrastructure: hardware -------------------------------------------------
        graphics processing unit | GPU | 图形处理器
        central processing unit | CPU | 中央处理器
        tensor processing unit | TPU | 张量处理器 | 张量处理单元
        neural processing unit | NPU | 神经网络处理器
        application-specific integrated circuit | ASIC | 专用集成电路
        field-programmable gate array | FPGA | 现场可编程门阵列
        Tensor Cores | Tensor Core | TensorCore | 张量核心
        streaming multiprocessor | streaming multiprocessors | 流式多处理器
        warp | warps | 线程束
        high-bandwidth memory | high bandwidth memory | HBM | 高带宽内存 | 高带宽显存
        static random-access memory | SRAM | 静态随机存取存储器
        dynamic random-access memory | DRAM | 动态随机存取存储器
        video memory | VRAM | GPU memory | 显存
        systolic array | 脉动阵列
        matrix multiply unit | matrix multiplication unit | MXU | 矩阵乘法单元
        multiply-accumulate | multiply-accumulate operation | MAC | 乘加 | 乘累加
        optical circuit switch | OCS | 光路交换机 | 光电路交换机
        inter-chip interconnect | ICI | 芯片间互连
        interconnect | 互连 | 互联
        PCI Express | PCIe
        InfiniBand | IB
        remote direct memory access | RDMA | 远程直接内存访问
        non-uniform memory access | NUMA | 非统一内存访问 | 非一致内存访问
        network interface card | NIC | 网卡 | 网络接口卡
        Multi-Instance GPU | MIG | 多实例 GPU
        error-correcting code | error correction code | ECC | 纠错码
        Data Center GPU Manager | DCGM
        DCGM host engine | nv-hostengine
        compute capability | 计算能力
        CUDA minor version compatibility | minor version compatibility | 次版本兼容 | 小版本兼容
        persistence mode | 持久模式
        GPU time-slicing | time-slicing | 时间片
        row remapping | 行重映射
        silicon interposer | interposer | 中介层
        fine-grained structured sparsity | 细粒度结构化稀疏
        # ---- infrastructure: Ascend and compilers --------------------------------------
        Ascend | Huawei Ascend | 昇腾 | 华为昇腾
        Compute Architecture for Neural Networks | CANN | 异构计算架构 CANN
        Da Vinci architecture | DaVinci architecture | Da Vinci | 达芬奇架构
        Cube unit | Cube | 矩阵计算单元 | Cube 单元
        Ascend Computing Language | AscendCL
        graph engine | GE | 图引擎
        BiSheng compiler | BiSheng | 毕昇编译器 | 毕昇
        MindSpore | 昇思 | 昇思 MindSpore
        AI compiler | deep learning compiler | AI 编译器 | 深度学习编译器
        intermediate representation | IR | 中间表示
        progressive lowering | 渐进式下降 | 渐进下降
        dialect | MLIR dialect | 方言
        Multi-Level Intermediate Representation | MLIR | 多级中间表示
        Accelerated Linear Algebra | XLA | 加速线性代数
        StableHLO | Stable HLO
        Apache TVM | TVM
        tensor expression | 张量表达式
        tensorization | 张量化
        just-in-time compilation | JIT compilation | 即时编译
        # ---- infrastructure: containers, clusters, operations --------------------------
        container | 容器
        container image | Docker image | 容器镜像 | Docker 镜像
        multi-stage build | multi-stage Dockerfile | 多阶段构建 | 多阶段 Dockerfile
        build stage | 构建阶段
        build context | 构建上下文
        copy-on-write | 写时复制
        NVIDIA Container Toolkit | NVIDIA 容器工具包
        Kubernetes | K8s
        pod | pods
        DaemonSet | daemon set
        ReplicaSet | replica set
        device plugin | device plugins | 设备插件
        extended resource | extended resources | 扩展资源
        health check | healthcheck | 健康检查
        environment variable | environment variables | env var | 环境变量
        virtual environment | virtualenv | venv | 虚拟环境
        observability | 可观测性
        monitoring | 监控
        tracing | LLM tracing | 链路追踪 | 追踪
        LLMOps | LLM operations | 大模型运维
        MLOps | machine learning operations | 机器学习运维
        # ---- retrieval-augmented generation --------------------------------------------
        retrieval-augmented generation | retrieval augmented generation | RAG | 检索增强生成
        naive RAG | basic RAG | 朴素 RAG | 基础 RAG
        indexing | 索引构建 | 建索引
        retrieval | 检索
        retriever | 检索器
        reranking | re-ranking | 重排序
        reranker | re-ranker | reranking model | 重排序模型 | 重排模型 | 重排器
        dense retrieval | 稠密检索 | 密集检索
        sparse retrieval | 稀疏检索
        hybrid search | hybrid retrieval | 混合检索 | 混合搜索
        keyword search | lexical search | 关键词检索 | 词法检索
        Okapi BM25 | BM25
        term frequency saturation | 词频饱和
        document length normalization | length normalization | 文档长度归一化 | 长度归一化
        inverted index | 倒排索引
        reciprocal rank fusion | RRF | 倒数排名融合
        Dense Passage Retrieval | DPR | 稠密段落检索
        bi-encoder | dual encoder | two-tower model | 双编码器 | 双塔模型 | 双塔编码器
        cross-encoder | cross encoder | 交叉编码器
        embedding | embeddings | 嵌入 | 向量嵌入 | 嵌入向量
        embedding model | 嵌入模型 | 向量模型 | embedding 模型
        Sentence-BERT | SBERT | Sentence BERT
        Massive Text Embedding Benchmark | MTEB
        Matryoshka embeddings | Matryoshka embedding | Matryoshka 嵌入 | 套娃嵌入
        contrastive learning | 对比学习
        in-batch negatives | in-batch negative | 批内负样本
        hard negatives | hard negative | 难负样本 | 困难负样本 | 难负例
        vector database | 向量数据库
        Facebook AI Similarity Search | FAISS
        vector store | 向量存储
        vector index | 向量索引
        approximate nearest neighbor search | approximate nearest neighbour search | ANN search | ANN | 近似最近邻搜索 | 近似最近邻
        k-nearest neighbors | k-nearest neighbours | kNN | k-NN | k 近邻
        exact nearest neighbor search | exact search | brute-force search | 精确最近邻搜索 | 暴力搜索
        maximum inner product search | MIPS | 最大内积搜索
        Hierarchical Navigable Small World | HNSW | 分层可导航小世界
        efConstruction | ef_construction
        efSearch | ef_search | ef
        inverted file index | inverted file | IVF | 倒排文件索引 | 倒排文件
        IVF-PQ | IVFPQ | IVF with product quantization
        IVFFlat | IVF-Flat | IVF_FLAT
        product quantization | product quantisation | PQ | 乘积量化
        coarse quantizer | coarse quantiser | 粗量化器
        cosine similarity | 余弦相似度 | 余弦相似性
        dot product | inner product | 点积 | 内积
        Euclidean distance | L2 distance | 欧氏距离 | 欧几里得距离 | L2 距离
        chunking | text chunking | 文本分块 | 切块
        chunk size | 切块大小 | 分块大小
        chunk overlap | 分块重叠
        query rewriting | query rewrite | 查询改写 | 查询重写
        query transformation | 查询转换
        late interaction | 后期交互
        skip list | 跳表
        partial index | 部分索引
        data ingestion | ingestion | 数据摄取 | 数据导入
        Hypothetical Document Embeddings | HyDE | 假设文档嵌入
        sentence window retrieval | 句子窗口检索
        auto-merging retrieval | 自动合并检索
        metadata filtering | 元数据过滤
        faithfulness | 忠实度
        answer relevancy | answer relevance | 答案相关性
        context precision | 上下文精确率 | 上下文精度
        context recall | 上下文召回率
        mean reciprocal rank | MRR | 平均倒数排名
        normalized discounted cumulative gain | NDCG | 归一化折损累计增益
        Corrective Retrieval Augmented Generation | Corrective RAG | CRAG
        Self-Reflective Retrieval-Augmented Generation | Self-RAG | Self RAG
        reflection tokens | reflection token | 反思 token | 反思标记
        # ---- applications --------------------------------------------------------------
        large language model | LLM | 大语言模型 | 大模型 | 大型语言模型
        agent | AI agent | LLM agent | 智能体
        workflow | 工作流
        tool use | 工具使用
        subgoal decomposition | task decomposition | 子目标分解 | 任务分解
        self-reflection | 自我反思
        short-term memory | 短期记忆
        long-term memory | 长期记忆
        prompt chaining | 提示链
        streaming output | 流式输出
        tool calling | function calling | 工具调用 | 函数调用
        ReAct | reasoning and acting
        prompt template | prompt 模板 | 提示模板 | 提示词模板
        system prompt | 系统提示词 | 系统提示
        guardrails | guardrail | 护栏 | 安全护栏
        prompt injection | 提示注入 | 提示词注入
        indirect prompt injection | 间接提示注入
        allow-list | allowlist | 允许列表 | 白名单
        prompt ensembling | 提示集成
        personally identifiable information | PII | 个人身份信息
        hallucination | hallucinations | 幻觉
        LangChain Expression Language | LCEL
        plugin | plugins | 插件
        semantic caching | semantic cache | 语义缓存
        false hit | 误命中
        detokenization | detokenize | 反分词
        OpenTelemetry | OTel
        """#
}
