extension CommandGrammar {
    /// The grammar table of the tools the bundled decks teach: data, read by
    /// ``CommandGrammar/parse(_:into:)``. The format is in docs/grading.md; a
    /// deck author adds a tool with a `command` block, and a card can add its
    /// own aliases with `Grade: command alias WORD = OTHER`.
    public static let bundledTable = #"""
        # ---- coreutils, procps, util-linux ---------------------------------------
        command ls
          bundle
          flag -l
          flag -a --all
          flag -A --almost-all
          flag -h --human-readable
          flag -t
          flag -r --reverse
          flag -S
          flag -R --recursive
          flag -1
          flag -d --directory
          flag -i --inode
        command df
          bundle
          flag -h --human-readable
          flag -H --si
          flag -i --inodes
          flag -T --print-type
          flag -t --type =
        command du
          bundle
          flag -s --summarize
          flag -h --human-readable
          flag -a --all
          flag -c --total
          flag -d --max-depth =
          flag -x --one-file-system
        command tail
          bundle
          number-option -n
          flag -f --follow
          flag -F
          flag -n --lines =
          flag -c --bytes =
          flag -s --sleep-interval =
          flag --retry
        command head
          bundle
          number-option -n
          flag -n --lines =
          flag -c --bytes =
        command grep
          bundle
          flag -r --recursive
          flag -R --dereference-recursive
          flag -n --line-number
          flag -i --ignore-case
          flag -l --files-with-matches
          flag -L --files-without-match
          flag -c --count
          flag -F --fixed-strings
          flag -E --extended-regexp
          flag -P --perl-regexp
          flag -v --invert-match
          flag -w --word-regexp
          flag -o --only-matching
          flag -h --no-filename
          flag -H --with-filename
          flag -e --regexp =
          flag -A --after-context =
          flag -B --before-context =
          flag -C --context =
          flag --include =
          flag --exclude =
        command find
          flag -type =
          flag -name =
          flag -iname =
          flag -path =
          flag -size =size
          flag -mmin =
          flag -mtime =
          flag -newer =
          flag -maxdepth =
          flag -mindepth =
          flag -user =
          flag -perm =
          flag -exec
          flag -delete
          flag -print
          optional -print
        command ps
          flag -e
          flag -A
          flag -f
          flag -o --format =
          flag -p --pid =
          flag -u --user =
          flag --sort =
          flag --forest
          value --sort -%mem = -pmem
          value --sort %mem = pmem +%mem +pmem
          value --sort -%cpu = -pcpu
          value --sort %cpu = pcpu +%cpu +pcpu
        command top
          bundle
          flag -b --batch
          flag -n --iterations =
          flag -d --delay =
          flag -p --pid =
          flag -u --user =
          flag -o --sort-override =
          flag -H --threads-show
          flag -c
        command kill
          signal-flags
          flag --signal -s =signal
          flag -l --list
          default --signal 15
        # pkill signals what it finds; pgrep only lists it: two commands.
        command pkill
          signal-flags
          flag --signal =signal
          default --signal 15
          flag -f --full
          flag -x --exact
          flag -n --newest
          flag -o --oldest
          flag -u --euid =
        command pgrep
          flag -f --full
          flag -x --exact
          flag -n --newest
          flag -o --oldest
          flag -u --euid =
          flag -l --list-name
          flag -a --list-full
          flag -U --uid =
          default --signal 15
        command killall
          signal-flags
          flag --signal -s =signal
          default --signal 15
        command ss
          bundle
          flag -t --tcp
          flag -u --udp
          flag -l --listening
          flag -n --numeric
          flag -p --processes
          flag -a --all
          flag -x --unix
          flag -s --summary
          flag -4 --ipv4
          flag -6 --ipv6
          flag -e --extended
          flag -m --memory
          flag -i --info
        command netstat
          bundle
          flag -t --tcp
          flag -u --udp
          flag -l --listening
          flag -n --numeric
          flag -p --program
          flag -a --all
          flag -r --route
          flag -i --interfaces
          flag -s --statistics
        command lsof
          flag -i =
          flag -t
          flag -n
          flag -P
          flag -p =
          flag -u =
          flag +L1
        command tar
          bundle
          oldstyle
          flag -c --create
          flag -x --extract --get
          flag -t --list
          flag -r --append
          flag -z --gzip --gunzip --ungzip
          flag -j --bzip2
          flag -J --xz
          flag -a --auto-compress
          flag -f --file =
          flag -C --directory =
          flag -v --verbose
          flag --exclude =
          optional -v
        command rsync
          bundle
          exact-paths
          flag -a --archive
          flag -v --verbose
          flag -z --compress
          flag -h --human-readable
          flag -n --dry-run
          flag -P
          flag --partial
          flag --progress
          flag --delete
          flag -e --rsh =
          flag --exclude =
          expand -P = --partial --progress
          optional -v
        command scp
          bundle
          flag -r
          flag -P =
          flag -i =
          flag -p
          flag -C
          flag -q
          flag -v
          flag -o =
          optional -v
        command chmod
          bundle
          flag -R --recursive
        command watch
          bundle
          flag -n --interval =
          flag -d --differences
          then-command 0
        command nohup
          then-command 0
        command time
          then-command 0
        command tmux
          flag -s =
          flag -t =
          flag -d
        command tmux new-session | tmux new
        command tmux attach-session | tmux attach | tmux a | tmux at
        command tmux list-sessions | tmux ls
        command tmux kill-session
        command curl
          bundle
          flag -v --verbose
          flag -f --fail
          flag -s --silent
          flag -S --show-error
          flag -L --location
          flag -i --include
          flag -k --insecure
          flag -X --request =
          flag -H --header =
          flag -d --data =
          flag -o --output =
        command python | python3
          flag -m =
          flag -u
          flag -c =
          then-command 0
        # ---- Python packaging -------------------------------------------------------
        command pip | pip3 | python -m pip | python3 -m pip
          bundle
          flag -q --quiet
          flag -v --verbose
        # PyPI names are case-insensitive (`AutoAWQ` = `autoawq`): so are the operands of install, uninstall and show.
        command pip install | pip3 install | python -m pip install | python3 -m pip install
          case-insensitive
          flag -r --requirement =
          flag -U --upgrade
          flag -e --editable =
          flag -i --index-url =
          flag --extra-index-url =
          flag --no-cache-dir
          flag --user
          flag --pre
          flag --no-deps
          flag -c --constraint =
        command pip uninstall | pip3 uninstall | python -m pip uninstall
          case-insensitive
          flag -y --yes
        command pip freeze | pip3 freeze | python -m pip freeze
        command pip list | pip3 list | python -m pip list
          flag -o --outdated
        command pip show | pip3 show
          case-insensitive
        command conda
          bundle
          short-equals
          flag -n --name =
          flag -p --prefix =
          flag -f --file =
          flag -c --channel =
          flag -y --yes
          flag -q --quiet
          flag --json
          optional -y
        context conda conda
        command conda create
          flag --clone =
        command conda install
        command conda remove | conda uninstall
          flag --all
        command conda activate
        command conda deactivate
        command conda list
          flag --explicit
          flag -e --export
        command conda info
          flag -e --envs
        command conda clean
          flag -a --all
          flag -i --index-cache
          flag -p --packages
          flag -t --tarballs
          flag -f --force-pkgs-dirs
        command conda config
          flag --set =
          flag --add =
          flag --append =
          flag --prepend =
          flag --remove =
          flag --show
        command conda run
          then-command 0
        command conda env
        command conda env list | conda env ls
        command conda env create
        command conda env export
          flag --from-history
          flag --no-builds
        command conda env update
          flag --prune
        command conda env remove
        command poetry
          bundle
          flag -q --quiet
          flag -n --no-interaction
          flag -v --verbose
        context poetry poetry
        command poetry new
          flag --src
          flag --name =
        command poetry init
        command poetry add
          flag -G --group =
          flag -D --dev
          flag -E --extras =
          flag --optional
          flag --dry-run
        command poetry remove
          flag -G --group =
        command poetry install
          flag --no-root
          flag --only =
          flag --with =
          flag --without =
          flag --sync
          flag --all-extras
          flag -E --extras =
        command poetry lock
          flag --regenerate
          flag --no-update
        command poetry update
          flag --lock
        command poetry show
          flag --tree
          flag --only =
        command poetry run
          then-command 0
        command poetry sync
        command poetry version
        command poetry env
        command poetry env activate
        command poetry env use
        command poetry build
        command poetry publish
        command poetry export
          flag -f --format =
          flag -o --output =
          flag --without-hashes
        command poetry self
        command poetry self add
        # ---- Docker ------------------------------------------------------------------
        command docker
          bundle
          short-equals
          flag -H --host =
          flag -D --debug
          default-tag latest
        context docker docker dockerfile
        command docker run | docker container run
          flag -d --detach
          flag -i --interactive
          flag -t --tty
          flag --rm
          flag -p --publish =
          flag -P --publish-all
          flag -v --volume =
          flag --mount =kv
          flag -e --env =
          flag --env-file =
          flag --name =
          flag --network --net =
          flag --gpus =
          flag --entrypoint =
          flag -w --workdir =
          flag -u --user =
          flag --restart =
          flag --shm-size =
          flag --ipc =
          flag -m --memory =
          flag --cpus =
          flag --privileged
          flag --init
          flag --platform =
          flag -h --hostname =
          flag -l --label =
          then-command 1
        command docker create | docker container create
          then-command 1
        command docker exec | docker container exec
          flag -d --detach
          flag -i --interactive
          flag -t --tty
          flag -e --env =
          flag -u --user =
          flag -w --workdir =
          then-command 1
        command docker logs | docker container logs
          flag -f --follow
          flag -n --tail =
          flag --since =duration
          flag --until =duration
          flag -t --timestamps
          flag --details
        command docker ps | docker container ls | docker container list | docker container ps
          flag -a --all
          flag -q --quiet
          flag -s --size
          flag -f --filter =
          flag --format =
          flag -l --latest
          flag -n --last =
          flag --no-trunc
        command docker stop | docker container stop
          flag -t --timeout --time =
          flag -s --signal =
        command docker start | docker container start
          flag -a --attach
          flag -i --interactive
        command docker restart | docker container restart
          flag -t --timeout --time =
        command docker rm | docker container rm
          flag -f --force
          flag -v --volumes
        command docker kill | docker container kill
          flag -s --signal =signal
          default -s 9
        command docker cp | docker container cp
          flag -a --archive
          flag -L --follow-link
        command docker inspect | docker container inspect
          flag -f --format =
        command docker stats | docker container stats
          flag -a --all
          flag --no-stream
          flag --format =
        command docker top | docker container top
        command docker build | docker image build | docker buildx build | docker builder build
          flag -t --tag =
          flag -f --file =
          flag --build-arg =
          flag --no-cache
          flag --target =
          flag --platform =
          flag --pull
          flag -q --quiet
          flag --progress =
          flag --secret =
          flag --network =
          flag --push
          flag --load
        command docker images | docker image ls | docker image list
          flag -a --all
          flag -q --quiet
        command docker rmi | docker image rm | docker image remove
          flag -f --force
        command docker tag | docker image tag
        command docker push | docker image push
        command docker pull | docker image pull
          flag --platform =
          flag -a --all-tags
        command docker system prune
          flag -a --all
          flag -f --force
          flag --volumes
        command docker image prune
          flag -a --all
          flag -f --force
        command docker container prune
          flag -f --force
        command docker volume create
        command docker volume ls | docker volume list
        command docker volume rm | docker volume remove
        command docker network create
          flag -d --driver =
          default -d bridge
        command docker network ls | docker network list
        command docker network connect
        command docker compose | docker-compose
          flag -f --file =
          flag -p --project-name =
        command docker compose up | docker-compose up
          flag -d --detach
          flag --build
          flag --force-recreate
          flag --no-deps
        command docker compose down | docker-compose down
          flag -v --volumes
          flag --rmi =
          flag --remove-orphans
        command docker compose logs | docker-compose logs
          flag -f --follow
          flag -n --tail =
        command docker compose ps | docker-compose ps
        command docker compose build | docker-compose build
          flag --no-cache
        command docker compose exec | docker-compose exec
          then-command 1
        # Dockerfile instructions: options only as --opt=value; RUN and CMD hold a shell command.
        command FROM
          equals-only
          flag --platform =
          operand AS = as
        command RUN
          equals-only
          flag --mount =kv
          flag --network =
          flag --security =
          then-command 0
        command CMD
          then-command 0
        command ENTRYPOINT
          then-command 0
        command COPY
          equals-only
          flag --from =
          flag --chown =
          flag --chmod =
          flag --link
          flag --parents
        command ADD
          equals-only
          flag --chown =
          flag --chmod =
          flag --checksum =
          flag --keep-git-dir
          flag --link
        command ENV
        command ARG
        command LABEL
        command EXPOSE
        command WORKDIR
        command USER
        command VOLUME
        command SHELL
        command STOPSIGNAL
        command HEALTHCHECK
          equals-only
          flag --interval =duration
          flag --timeout =duration
          flag --start-period =duration
          flag --start-interval =duration
          flag --retries =
          # Docker's defaults: writing one is the same as leaving it out.
          default --interval 30s
          default --timeout 30s
          default --start-period 0s
          default --start-interval 5s
          default --retries 3
          then-command 0
        key source src
        key target dst destination
        key readonly ro
        # ---- Kubernetes ----------------------------------------------------------------
        resources pods pod po
        resources deployments deployment deploy
        resources services service svc
        resources nodes node no
        resources namespaces namespace ns
        resources events event ev
        resources configmaps configmap cm
        resources secrets secret
        resources statefulsets statefulset sts
        resources daemonsets daemonset ds
        resources replicasets replicaset rs
        resources jobs job
        resources cronjobs cronjob cj
        resources persistentvolumeclaims persistentvolumeclaim pvc
        resources persistentvolumes persistentvolume pv
        resources ingresses ingress ing
        resources serviceaccounts serviceaccount sa
        command kubectl
          bundle
          short-equals
          resource-operands
          flag -n --namespace =
          flag -A --all-namespaces
          flag --context =
          flag --kubeconfig =
        context kubectl kubectl kubernetes
        command kubectl get
          flag -o --output =
          flag -l --selector =
          flag -w --watch
          flag --sort-by =
          flag --show-labels
          flag -f --filename =
        command kubectl describe
          flag -l --selector =
          flag -f --filename =
        command kubectl logs
          flag -f --follow
          flag -p --previous
          flag -c --container =
          flag --tail =
          flag --since =duration
          flag --all-containers
          flag -l --selector =
          flag --timestamps
        command kubectl exec
          flag -i --stdin
          flag -t --tty
          flag -c --container =
          then-command --
        command kubectl apply
          flag -f --filename =
          flag -k --kustomize =
          flag --dry-run =
          flag --server-side
        command kubectl create
          flag -f --filename =
        command kubectl delete
          flag -f --filename =
          flag -l --selector =
          flag --all
          flag --force
          flag --grace-period =
        command kubectl rollout status
          flag -w --watch
          optional -w
        command kubectl rollout undo
          flag --to-revision =
        command kubectl rollout restart
        command kubectl rollout history
          flag --revision =
        command kubectl scale
          flag --replicas =
        command kubectl port-forward
        command kubectl top
        command kubectl top pod | kubectl top pods | kubectl top po
          flag --containers
        command kubectl top node | kubectl top nodes | kubectl top no
        command kubectl config
        command kubectl config get-contexts
        command kubectl config use-context | kubectl config use
        command kubectl config current-context
        command kubectl config set-context
          flag --current
        command kubectl cordon
        command kubectl uncordon
        command kubectl drain
          flag --ignore-daemonsets
          flag --delete-emptydir-data
          flag --force
          flag --grace-period =
        command kubectl explain
          flag --recursive
        command kubectl label
          flag --overwrite
        command kubectl annotate
          flag --overwrite
        command kubectl edit
        command kubectl get events
        # ---- NVIDIA ---------------------------------------------------------------------
        command nvidia-smi
          short-equals
          flag -L --list-gpus
          flag -q --query
          flag -d --display =
          flag -i --id =
          flag -l --loop =?num
          flag -lms --loop-ms =
          flag -f --filename =
          flag -x --xml-format
          flag --query-gpu =
          flag --query-compute-apps =
          flag --format =set
          flag -pm --persistence-mode =
          flag -pl --power-limit =
          flag -mig --multi-instance-gpu =
          flag -lgc --lock-gpu-clocks =
          flag -rgc --reset-gpu-clocks
          flag -lmc --lock-memory-clocks =
          flag -r --gpu-reset
          flag -e --ecc-config =
          flag -c --compute-mode =
          value -pm 1 = ENABLED Enabled enabled
          value -pm 0 = DISABLED Disabled disabled
        context nvidia-smi nvidia-smi
        command nvidia-smi topo
          flag -m --matrix
          flag -p2p =
        command nvidia-smi dmon
          flag -i --id =
          flag -s =
          flag -d =
          flag -c =
          flag -o =
        command nvidia-smi pmon
          flag -i --id =
          flag -s =
          flag -d =
          flag -c =
        command nvidia-smi nvlink
          flag -s --status
          flag -i --id =
        command nvidia-smi mig
        command dcgmi
          short-equals
        context dcgmi dcgmi dcgm
        command dcgmi discovery
          flag -l --list
          flag -i --info =
          flag -c --compute
        command dcgmi diag
          flag -r --run =
          flag -g --group =
          flag -i --gpuList =
          value -r 1 = short quick
          value -r 2 = medium
          value -r 3 = long
          value -r 4 = xlong
        command dcgmi health
          flag -g --group =
          flag -s --set =
          flag -c --check
          flag -f --fetch
        command dcgmi dmon
          flag -e --field-id =set
          flag -i --gpu-id =
          flag -g --group-id =
          flag -d --delay =
          flag -c --count =
          flag -l --list
        command dcgmi group
          flag -c --create =
          flag -a --add =set
          flag -l --list
          flag -d --delete =
          flag -g --group =
          flag -i --info
        command dcgmi fieldgroup
          flag -c --create =
          flag -f --fieldids =set
          flag -l --list
          flag -d --delete
          flag -g --fieldgroup =
        command dcgmi stats
          flag -g --group =
          flag -e --enable
          flag -d --disable
          flag -s --jstart =
          flag -x --jstop =
          flag -j --job =
          flag -v --verbose
        command dcgmi policy
          flag -g --group =
          flag --set =
          flag -T --maxtemp =
          flag -P --maxpower =
          flag -e --eccerrors
          flag -p --pcierrors
          flag -n --nvlinkerrors
          flag --get
          flag --clear
          flag --reg
        # ---- Launchers and servers ------------------------------------------------------
        command torchrun | python -m torch.distributed.run | python3 -m torch.distributed.run
          underscores
          flag --nproc-per-node =
          flag --nnodes =
          flag --node-rank =
          flag --standalone
          flag --rdzv-backend =
          flag --rdzv-endpoint =
          flag --rdzv-id =
          flag --rdzv-conf =
          flag --master-addr =
          flag --master-port =
          flag --max-restarts =
          flag --monitor-interval =
          flag --log-dir =
          flag -r --redirects =
          flag -t --tee =
          flag --no-python
          flag -m --module
          then-command 0
        context torchrun torchrun
          # torchrun's defaults (torch.distributed.run): one node, this one as rank 0.
          default --nnodes 1
          default --node-rank 0
        command deepspeed
          underscores
          flag --num-gpus =
          flag --num-nodes =
          flag --hostfile -H =
          flag --include -i =
          flag --exclude -e =
          flag --master-port =
          flag --master-addr =
          flag --launcher =
          flag --no-local-rank
          then-command 0
        context deepspeed deepspeed
        command vllm
          underscores
        context vllm vllm
        command vllm serve
          underscores
          short-equals
          flag --tensor-parallel-size -tp =
          flag --pipeline-parallel-size -pp =
          flag --data-parallel-size -dp =
          flag --gpu-memory-utilization =
          flag --max-model-len =
          flag --kv-cache-dtype =
          flag --dtype =
          flag --quantization -q =
          flag --enable-prefix-caching
          flag --no-enable-prefix-caching
          flag --max-num-seqs =
          flag --max-num-batched-tokens =
          flag --port =
          flag --host =
          flag --served-model-name =
          flag --trust-remote-code
          flag --enable-lora
          flag --lora-modules =
          flag --max-lora-rank =
          flag --max-loras =
          flag --speculative-config =
          flag --api-key =
          flag --enforce-eager
          flag --swap-space =
          flag --seed =
          flag --download-dir =
          flag --load-format =
          flag --tokenizer =
          flag --revision =
          flag --block-size =
          flag --enable-chunked-prefill
          flag --cpu-offload-gb =
        command megatron
          flag --tensor-model-parallel-size =
          flag --pipeline-model-parallel-size =
          flag --clip-grad =
          flag --overlap-grad-reduce
          flag --overlap-param-gather
          flag --use-distributed-optimizer
          flag --sequence-parallel
        context megatron megatron megatron-lm
        command tritonserver
          flag --model-repository --model-store =
          flag --http-port =
          flag --grpc-port =
          flag --metrics-port =
        command trtllm-build
          flag --checkpoint_dir =
          flag --output_dir =
          flag --gemm_plugin =
          flag --max_batch_size =
          flag --max_input_len =
          flag --max_seq_len =
        command trtllm-serve
        # ---- Python ---------------------------------------------------------------------------
        # Calls that change their argument in place and return None: `x = f(x)` loses x.
        python-returns-none torch.distributed.all_reduce torch.distributed.broadcast torch.distributed.reduce torch.distributed.all_gather
        python-returns-none torch.distributed.reduce_scatter torch.distributed.barrier faiss.normalize_L2
        python-alias dist = torch.distributed
        python-alias nn = torch.nn
        python-alias F = torch.nn.functional
        python-alias np = numpy
        python-alias DDP = torch.nn.parallel.DistributedDataParallel
        python-alias torch.half = torch.float16
        python-alias torch.float = torch.float32
        python-alias torch.bfloat16 = torch.bfloat16
        python-alias torch.amp.autocast = torch.autocast
        python-module torch torch.nn torch.nn.parallel torch.utils.checkpoint torch.distributed torch.amp torch.cuda.amp
        python-module peft datasets transformers accelerate faiss bitsandbytes bnb deepspeed vllm trl awq
        python-signature torch.distributed.init_process_group(backend, init_method=None, timeout=None, world_size=-1, rank=-1, store=None, group_name="", pg_options=None, device_id=None)
        python-signature torch.distributed.all_reduce(tensor, op=torch.distributed.ReduceOp.SUM, group=None, async_op=False)
        python-signature torch.distributed.all_gather_into_tensor(output_tensor, input_tensor, group=None, async_op=False)
        python-signature torch.distributed.reduce_scatter_tensor(output, input, op=torch.distributed.ReduceOp.SUM, group=None, async_op=False)
        python-signature torch.distributed.broadcast(tensor, src, group=None, async_op=False)
        python-signature torch.amp.GradScaler(device="cuda", init_scale=65536.0, growth_factor=2.0, backoff_factor=0.5, growth_interval=2000, enabled=True)
        python-signature torch.autocast(device_type, dtype=None, enabled=True, cache_enabled=None)
        python-signature torch.nn.utils.clip_grad_norm_(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False, foreach=None)
        python-signature torch.nn.utils.clip_grad_value_(parameters, clip_value, foreach=None)
        python-signature torch.nn.parallel.DistributedDataParallel(module, device_ids=None, output_device=None, dim=0, broadcast_buffers=True)
        python-signature torch.utils.checkpoint.checkpoint(function)
        python-signature load_dataset(path, name=None, data_dir=None, data_files=None, split=None)
        python-signature get_peft_model(model, peft_config, adapter_name="default")
        python-signature PeftModel.from_pretrained(model, model_id, adapter_name="default", is_trainable=False)
        python-signature *.apply_chat_template(conversation, tools=None, documents=None, chat_template=None, add_generation_prompt=False, continue_final_message=False, tokenize=True)
        python-signature FunctionTool.from_defaults(fn=None)
        python-signature faiss.index_cpu_to_gpu(provider, device, index)
        # AutoAWQ's model.quantize (awq/models/base.py) and LlamaIndex's StorageContext.persist: the first parameters.
        python-signature *.quantize(tokenizer=None, quant_config={})
        python-signature *.persist(persist_dir)
        """#
}
