#!/usr/bin/env python3
"""An independent re-implementation of the roster draw pingyi-draw-v1, written from docs/draw.md alone.

It needs nothing but the pool file and the published transcript (the quota block Q is quoted in it), and Python's
standard library. It redraws, then compares its roster with a roster.csv (if given) and its transcript with the
published one, as JSON values. Exit 0 and "same" when they agree, 1 and the first difference otherwise.

    python3 docs/draw-reference.py --pool pool.csv --transcript draw.json [--roster roster.csv]
"""
import argparse, csv, hashlib, hmac, io, json, sys
from fractions import Fraction


GUARDED = "=+-@\t\r"                # §2, §13: the spreadsheet guard of every Pingyi CSV


def unguard(s):                      # §2: a leading ' before a guarded character is taken off, no other '
    return s[1:] if len(s) > 1 and s[0] == "'" and s[1] in GUARDED else s


def guard(s):                        # §13: a field beginning with a guarded character gets a leading '
    return "'" + s if s and s[0] in GUARDED else s


def trim(s):                         # §2: Java's String.trim: characters up to U+0020 at both ends
    a, b = 0, len(s)
    while a < b and s[a] <= " ":
        a += 1
    while b > a and s[b - 1] <= " ":
        b -= 1
    return s[a:b]


class Stream:                        # §4
    def __init__(self, g):
        self.g, self.counter, self.buf, self.words = g, 0, b"", 0

    def word(self):
        if not self.buf:
            self.buf = hashlib.sha256(self.g + self.counter.to_bytes(8, "big")).digest()
            self.counter += 1
        w, self.buf = self.buf[:8], self.buf[8:]
        self.words += 1
        return int.from_bytes(w, "big")

    def uniform(self, n):
        r = (1 << 64) % n
        while True:
            x = self.word()
            if x >= r:
                return x % n

    def chance(self, a, b):
        return self.uniform(b) < a

    def sample(self, a, k):
        for i in range(k):
            j = i + self.uniform(len(a) - i)
            a[i], a[j] = a[j], a[i]


def ceil(x):
    return -(-x // 1)


def frac(x):                         # §11: lowest terms, zero as 0/1
    x = Fraction(x)
    return f"{x.numerator}/{x.denominator}"


def parse_quotas(text):              # §3
    q = {"categories": [], "moves": [], "floors": {}}
    for line in text.split("\n")[1:]:
        if not line:
            continue
        key, *v = line.split(" ")
        if key == "edition": q["edition"] = v[0]
        elif key == "year": q["year"] = int(v[0])
        elif key == "alternateShare": q["a"] = Fraction(v[0])
        elif key == "minNewShare": q["m"] = Fraction(v[0])
        elif key == "maxConsecutiveYears": q["max"] = None if v[0] == "none" else int(v[0])
        elif key == "districts": q["districts"] = v[0].split(",")
        elif key == "category": q["categories"].append((v[0], v[1], int(v[2])))
        elif key == "moveSeats": q["moves"].append((v[0], v[1], v[2], int(v[3])))
        elif key == "newSeats": q["floors"][(v[0], v[1])] = int(v[2])
    return q


def draw(pool_bytes, seed, seed_source, quotas_text):
    q = parse_quotas(quotas_text)
    year, D = q["year"], len(q["districts"])
    rows = [r for r in csv.reader(io.StringIO(pool_bytes.decode("utf-8-sig"), newline="")) if r]
    people = [[trim(unguard(f)) for f in r] for r in rows[1:]]
    g = hashlib.sha256(seed.encode() + hashlib.sha256(pool_bytes).digest()
                       + hashlib.sha256(quotas_text.encode()).digest()).digest()
    s = Stream(g)

    def standing(served):            # §5
        years = {int(trim(y)) for y in served.split(";")} if served else set()
        run = 0
        while year - 1 - run in years:
            run += 1
        return "new" if run == 0 else "returning" if q["max"] is None or run < q["max"] else "ineligible"

    cells, remainders = [], {}       # §6
    for code, selection, quota in q["categories"]:
        if selection == "city":
            cells.append({"category": code, "district": "city", "seats": quota})
            continue
        seats = [quota // D] * D
        if quota % D:
            order = list(range(D))
            s.sample(order, quota % D)
            for i in order[:quota % D]:
                seats[i] += 1
            remainders[code] = [q["districts"][i] for i in order[:quota % D]]
        cells += [{"category": code, "district": q["districts"][i], "seats": seats[i]} for i in range(D)]
    find = {(c["category"], c["district"]): c for c in cells}
    for category, frm, to, n in q["moves"]:
        find[(category, frm)]["seats"] -= n
        find[(category, to)]["seats"] += n
    for c in cells:
        key = (c["category"], c["district"])
        c["min"] = min(c["seats"], q["floors"][key]) if key in q["floors"] else ceil(q["m"] * c["seats"])

    total = sum(c["seats"] for c in cells)      # §7
    A = int((q["a"] * total + Fraction(1, 2)) // 1)
    exact = [q["a"] * c["seats"] for c in cells]
    alt = [int(e // 1) for e in exact]
    order = list(range(len(cells)))
    s.sample(order, len(cells))
    order.sort(key=lambda i: -(exact[i] - alt[i]))
    for i in order[:A - sum(alt)]:
        alt[i] += 1

    city = {code for code, sel, _ in q["categories"] if sel == "city"}   # §8
    for c in cells:
        c["groups"] = {"new": [], "returning": [], "ineligible": []}
    for i, p in enumerate(people):
        key = (p[4], "city" if p[4] in city else p[3])
        find[key]["groups"][standing(p[7])].append(i)

    for c in cells:                 # §9 (is it feasible at all?)
        if len(c["groups"]["new"]) + len(c["groups"]["returning"]) < c["seats"] or len(c["groups"]["new"]) < c["min"]:
            raise SystemExit(f"infeasible: {c['category']}/{c['district']}")

    key = hashlib.sha256(b"pingyi-draw-pseudonym-v1\n" + pool_bytes + g).digest()   # §12
    names = [hmac.new(key, p[0].encode(), hashlib.sha256).hexdigest()[:16] for p in people]

    out_cells, roster = [], []
    for c, a in zip(cells, alt):    # §10, §11
        new, ret = list(c["groups"]["new"]), list(c["groups"]["returning"])
        S, m, Nn, Nr = c["seats"], c["min"], len(new), len(ret)
        N = Nn + Nr
        binds = S * Nn <= m * N
        if binds:
            k, expected = m, Fraction(m)
        else:
            k = S * Nn // N + (1 if (S * Nn) % N and s.chance((S * Nn) % N, N) else 0)
            expected = Fraction(S * Nn, N)
        s.sample(new, k)
        s.sample(ret, S - k)
        rest = new[k:] + ret[S - k:]
        a2 = min(a, len(rest))
        s.sample(rest, a2)
        p_new = 0 if Nn == 0 else Fraction(m, Nn) if binds else Fraction(S, N)
        p_ret = 0 if Nr == 0 else Fraction(S - m, Nr) if binds else Fraction(S, N)
        left = Fraction(a2, N - S) if N > S else 0
        group = lambda pa, members, empty: {"active": frac(pa), "alternate": frac(0 if empty else (1 - pa) * left),
                                            "members": sorted(names[i] for i in members)}
        out_cells.append({"category": c["category"], "district": c["district"], "seats": S, "minNewSeats": m,
            "alternates": a, "alternatesShort": a - a2,
            "pool": {"new": Nn, "returning": Nr, "ineligible": len(c["groups"]["ineligible"])},
            "newSeats": {"rule": "floor" if binds else "proportional", "expected": frac(expected), "drawn": k},
            "drawn": {"new": [names[i] for i in new[:k]], "returning": [names[i] for i in ret[:S - k]],
                      "alternates": [names[i] for i in rest[:a2]]},
            "probabilities": {"new": group(p_new, c["groups"]["new"], Nn == 0),
                              "returning": group(p_ret, c["groups"]["returning"], Nr == 0),
                              "ineligible": group(0, c["groups"]["ineligible"], True)}})
        for i, status in [(i, "active") for i in new[:k] + ret[:S - k]] + [(i, "alternate") for i in rest[:a2]]:
            p = people[i]
            roster.append([guard(f) for f in (p[0], p[1], p[2], p[3], p[4], status, p[6])])

    buf = io.StringIO()             # §13
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["id", "name", "phone", "district", "category", "status", "subject"])
    w.writerows(roster)
    roster_bytes = buf.getvalue().encode()
    new_active = sum(c["newSeats"]["drawn"] for c in out_cells)
    transcript = {                  # §14
        "format": "pingyi-draw-transcript-v1", "algorithm": "pingyi-draw-v1", "edition": q["edition"], "year": year,
        "seed": seed, "seedSource": seed_source,
        "inputs": {"poolSha256": hashlib.sha256(pool_bytes).hexdigest(), "poolPeople": len(people),
                   "quotasSha256": hashlib.sha256(quotas_text.encode()).hexdigest(), "quotas": quotas_text,
                   "generatorSeed": g.hex()},
        "rules": {"alternateShare": quotas_line(quotas_text, "alternateShare"),
                  "minNewShare": quotas_line(quotas_text, "minNewShare"), "maxConsecutiveYears": q["max"]},
        "remainderSeats": remainders,
        "totals": {"cells": len(cells), "seats": total, "newActive": new_active, "newShare": frac(Fraction(new_active, max(1, total))),
                   "minNewActive": ceil(q["m"] * total),
                   "alternates": sum(len(c["drawn"]["alternates"]) for c in out_cells),
                   "alternatesShort": sum(c["alternatesShort"] for c in out_cells),
                   "pool": {k: sum(c["pool"][k] for c in out_cells) for k in ("new", "returning", "ineligible")}},
        "cells": out_cells,
        "generator": {"kind": "sha256-counter-v1", "wordsRead": s.words},
        "roster": {"sha256": hashlib.sha256(roster_bytes).hexdigest(),
                   "active": sum(1 for r in roster if r[5] == "active"),
                   "alternates": sum(1 for r in roster if r[5] == "alternate")}}
    return roster, transcript


def quotas_line(text, key):
    return next(l.split(" ", 1)[1] for l in text.split("\n") if l.startswith(key + " "))


def first_difference(mine, theirs, path="(top)"):
    if type(mine) != type(theirs):
        return f"{path}: published {json.dumps(theirs)[:80]}, redrawn {json.dumps(mine)[:80]}"
    if isinstance(mine, dict):
        for k in list(mine) + [k for k in theirs if k not in mine]:
            if k not in mine or k not in theirs:
                return f"{path}.{k}: only on one side"
            d = first_difference(mine[k], theirs[k], f"{path}.{k}")
            if d:
                return d
        return None
    if isinstance(mine, list):
        for i, (a, b) in enumerate(zip(mine, theirs)):
            d = first_difference(a, b, f"{path}[{i}]")
            if d:
                return d
        return None if len(mine) == len(theirs) else f"{path}: {len(theirs)} entries published, {len(mine)} redrawn"
    return None if mine == theirs else f"{path}: published {json.dumps(theirs)[:80]}, redrawn {json.dumps(mine)[:80]}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pool", required=True)
    ap.add_argument("--transcript", required=True)
    ap.add_argument("--roster")
    args = ap.parse_args()
    pool = open(args.pool, "rb").read()
    published = json.load(open(args.transcript, encoding="utf-8"))
    roster, transcript = draw(pool, published["seed"], published["seedSource"], published["inputs"]["quotas"])
    difference = first_difference(transcript, published)
    if not difference and args.roster:
        theirs = [r for r in csv.reader(open(args.roster, encoding="utf-8", newline=""))][1:]
        if theirs != roster:
            difference = "roster.csv: its records differ from the redrawn roster"
    print("same" if not difference else "DIFFERENT: " + difference)
    sys.exit(0 if not difference else 1)


if __name__ == "__main__":
    main()
