"""Single-source shortest paths with Dijkstra's algorithm on a binary heap (heapq, lazy
deletion of stale entries), over a generated directed graph with positive integer weights.

Exercises heapq.heappush/heappop on tuples (tuple comparison), lists of adjacency lists,
tuple unpacking in for loops, int comparisons and the ints of a linear congruential
generator. The graph is fixed: 3000 vertices, a ring of heavy edges that keeps every
vertex reachable plus 15000 random edges with weights 1..100 (own LCG, fixed seed).
Dijkstra runs from SOURCES vertices; the self-check runs a plain Bellman-Ford (rounds of
relaxing every edge until nothing changes) from two of those sources and requires equal
distances everywhere, and checks that walking the predecessor links of every vertex gives
a path whose weights add up to its distance.
"""

import heapq

VERTICES = 3000
EDGES = 15000
SOURCES = 20


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % 18446744073709551616
        return (self.state >> 33) % n


def make_graph(n, m, seed):
    rng = Lcg(seed)
    edges = []
    for v in range(n):
        edges.append((v, (v + 1) % n, 1000))
    for _ in range(m):
        u = rng.below(n)
        v = rng.below(n)
        if u != v:
            edges.append((u, v, 1 + rng.below(100)))
    adjacency = [[] for _ in range(n)]
    for u, v, w in edges:
        adjacency[u].append((v, w))
    return edges, adjacency


def dijkstra(adjacency, source):
    n = len(adjacency)
    dist = [None] * n
    pred = [-1] * n
    dist[source] = 0
    heap = [(0, source)]
    done = [False] * n
    while heap:
        d, u = heapq.heappop(heap)
        if done[u]:
            continue
        done[u] = True
        for v, w in adjacency[u]:
            nd = d + w
            old = dist[v]
            if old is None or nd < old:
                dist[v] = nd
                pred[v] = u
                heapq.heappush(heap, (nd, v))
    return dist, pred


def bellman_ford(n, edges, source):
    dist = [None] * n
    dist[source] = 0
    rounds = 0
    changed = True
    while changed:
        changed = False
        rounds += 1
        for u, v, w in edges:
            du = dist[u]
            if du is not None:
                nd = du + w
                dv = dist[v]
                if dv is None or nd < dv:
                    dist[v] = nd
                    changed = True
        if rounds > n:
            raise AssertionError("Bellman-Ford did not settle")
    return dist, rounds


def check_paths(adjacency, source, dist, pred):
    weight = {}
    for u in range(len(adjacency)):
        for v, w in adjacency[u]:
            key = (u, v)
            if key not in weight or w < weight[key]:
                weight[key] = w
    for target in range(len(adjacency)):
        total = 0
        v = target
        steps = 0
        while v != source:
            u = pred[v]
            total += weight[(u, v)]
            v = u
            steps += 1
            if steps > len(adjacency):
                raise AssertionError("predecessor loop at %d" % target)
        if total != dist[target]:
            raise AssertionError("path to %d weighs %d, distance %d" % (target, total, dist[target]))


edges, adjacency = make_graph(VERTICES, EDGES, 2026)
total = 0
farthest = 0
results = {}
for i in range(SOURCES):
    source = (i * 7919) % VERTICES
    dist, pred = dijkstra(adjacency, source)
    results[source] = (dist, pred)
    total += sum(dist)
    farthest = max(farthest, max(dist))
bf_rounds = 0
for source in (0, (5 * 7919) % VERTICES):
    expected, rounds = bellman_ford(VERTICES, edges, source)
    bf_rounds += rounds
    dist, pred = results[source]
    if dist != expected:
        raise AssertionError("Dijkstra and Bellman-Ford disagree from %d" % source)
    check_paths(adjacency, source, dist, pred)
print("dijkstra", VERTICES, len(edges), total, farthest, bf_rounds)
