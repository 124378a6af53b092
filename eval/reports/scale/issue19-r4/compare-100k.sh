#!/bin/bash
# Before/after on the same 100,000-chunk index (6 segments), base = main 50496a8, new = issue19-r4
set -e
Q=/tmp/i19r4-scale/questions.json
for run in base new; do
  rm -rf /tmp/i19r4-idx-$run && cp -r /tmp/i19r4-idx100k-pristine /tmp/i19r4-idx-$run
  if [ $run = base ]; then dir=/tmp/i19r4-base; else dir=/work/wt/issue19-r4; fi
  echo "== $run $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
  (cd $dir && SHARED_DIR=/work/shared nice -n 5 dotnet src/ProcedureAssistant.Benchmarks/bin/Release/net10.0/ProcedureAssistant.Benchmarks.dll serve --engine embedded --path /tmp/i19r4-idx-$run --questions $Q --out /tmp/i19r4-serve-$run.json --rerank --updates 5)
  python3 -c "import json;d=json.load(open('/tmp/i19r4-serve-$run.json'));print('search',d['Search']);print('reranked',d['Reranked']);print('updates',d['UpdateMilliseconds'])"
  echo "== end $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
done
