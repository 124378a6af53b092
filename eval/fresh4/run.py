#!/usr/bin/env python3
"""Ask every question of a fresh set through a running API and save the responses.

usage: run.py SET.jsonl BASE_URL OUT.jsonl
Follow-ups (previous set) are asked in the conversation of their previous turn.
"""
import json, sys, time, urllib.request

path, base, out = sys.argv[1], sys.argv[2].rstrip('/'), sys.argv[3]
rows = [json.loads(l) for l in open(path, encoding='utf-8') if l.strip()]
conv = {}
with open(out, 'w', encoding='utf-8') as f:
    for r in rows:
        body = {"question": r["question"], "persona": r["persona"]}
        if r.get("previous") and r["previous"] in conv:
            body["conversationId"] = conv[r["previous"]]
        req = urllib.request.Request(base + "/api/ask", data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
        t = time.time()
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:
                data = json.load(resp)
        except urllib.error.HTTPError as e:
            data = {"error": e.code, "body": e.read().decode('utf-8', 'replace')}
        data["_ms"] = round((time.time() - t) * 1000)
        if isinstance(data, dict) and data.get("conversationId"):
            conv[r["id"]] = data["conversationId"]
        f.write(json.dumps({"id": r["id"], "request": body, "response": data}, ensure_ascii=False) + "\n")
        time.sleep(0.05)
print("asked", len(rows))
