# Summarises async-profiler collapsed stacks: share of samples by category (first matching rule), top frames by
# self time, and inclusive shares of the engine's own frames. Usage: summarize.py FILE [top N] [regex of frames to list]
import sys, collections, re, signal
signal.signal(signal.SIGPIPE, signal.SIG_DFL)
f = sys.argv[1]
total = 0
self_c = collections.Counter(); incl = collections.Counter(); threads = collections.Counter()
cats = collections.Counter()
rules = [
 ("access log / logback / logstash", r"logback|logstash|AccessLog|AsyncAppender"),
 ("JIT compiler", r"CompileBroker|C2Compiler|Compile::|PhaseIdealLoop|C1_|Parse::|Matcher::|PhaseChaitin|PhaseIterGVN|PhaseCFG"),
 ("GC", r"G1|GCTask|WorkerThread::run|ParallelTask|G1ParScan|OtherRegions"),
 ("Nimbus JWT (access token)", r"com/nimbusds"),
 ("PG client (vertx-pg)", r"io/vertx/pgclient|io/vertx/sqlclient"),
 ("Lettuce / Redis", r"io/lettuce"),
 ("micrometer", r"micrometer"),
 ("ballot validator", r"BallotValidator|DuplicateKeys"),
 ("BallotWriter", r"BallotWriter"),
 ("jackson", r"com/fasterxml/jackson"),
 ("vertx web routing", r"io/vertx/ext/web"),
 ("netty http codec", r"io/netty/handler/codec/http"),
 ("kernel write/send", r"sys_write|__x64_sys_sendto|tcp_sendmsg|__x64_sys_write|writev"),
 ("kernel read/recv", r"sys_read|tcp_recvmsg|__x64_sys_recvfrom|sys_readv"),
 ("epoll", r"epoll"),
]
for line in open(f):
    stack, n = line.rstrip().rsplit(" ", 1)
    n = int(n); total += n
    frames = stack.split(";")
    self_c[frames[-1]] += n
    seen = set()
    for fr in frames:
        if fr not in seen:
            incl[fr] += n; seen.add(fr)
    threads[frames[0][:60]] += n
    for name, pat in rules:
        if re.search(pat, stack):
            cats[name] += n; break
    else:
        cats["other"] += n
print("total samples", total)
print("\n== categories (first matching rule per stack)")
for k, v in cats.most_common(): print(f"{v/total:6.1%} {k}")
print("\n== top self")
for k, v in self_c.most_common(int(sys.argv[2]) if len(sys.argv) > 2 else 40): print(f"{v/total:6.1%} {k[:150]}")
print("\n== top inclusive (org/pingyi + selected)")
for k, v in incl.most_common(400):
    if re.search(sys.argv[3] if len(sys.argv) > 3 else r"org/pingyi|nimbusds|logback|logstash|micrometer|lettuce|pgclient|jackson|HttpServerImpl|Router", k):
        print(f"{v/total:6.1%} {k[:150]}")
