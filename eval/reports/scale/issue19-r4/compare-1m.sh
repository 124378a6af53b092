#!/bin/bash
# Before/after on the same 1,000,000-chunk index (14 segments), base = main 50496a8, new = issue19-r4 (snapshot-b)
Q=/tmp/i19r4-scale/questions.json
for run in base new; do
  rm -rf /tmp/i19r4-idx1m-$run && cp -r /tmp/i19r4-idx1m-after5 /tmp/i19r4-idx1m-$run
  if [ $run = base ]; then dll=/tmp/i19r4-base/src/ProcedureAssistant.Benchmarks/bin/Release/net10.0/ProcedureAssistant.Benchmarks.dll; else dll=/work/wt/issue19-r4/src/ProcedureAssistant.Benchmarks/bin/snapshot-b/ProcedureAssistant.Benchmarks.dll; fi
  echo "== $run $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
  SHARED_DIR=/work/shared nice -n 5 dotnet $dll serve --engine embedded --path /tmp/i19r4-idx1m-$run --questions $Q --out /tmp/i19r4-serve1m-$run.json --rerank --updates 5 --base-vocabulary
  python3 -c "import json;d=json.load(open('/tmp/i19r4-serve1m-$run.json'));print('search',d['Search']);print('reranked',d['Reranked']);print('updates',d['UpdateMilliseconds'])"
  echo "== end $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
  rm -rf /tmp/i19r4-idx1m-$run
done
