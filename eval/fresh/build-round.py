#!/usr/bin/env python3
"""Generator + checker of a held-out round: build-round.py ROUND_DIR (eval/fresh38, say).

Reads the round's hand-written turns in ROUND_DIR/build_data/default_set.py and full_set.py, assigns ids (d001..,
e001..), resolves `previous` from local labels, computes the `no-diacritics` and `follow-up` tags, writes
ROUND_DIR/default.jsonl, full.jsonl and build_data/stats.json, and checks what the round's README.md lists against
the corpus, the shared real data and every earlier round (eval/fresh and eval/freshN with a lower N). Exit status 1 on
any failure. Rounds 36 to 80 were made with it.
"""
import collections, glob, importlib.util, json, os, re, sys, unicodedata

if len(sys.argv) != 2:
    sys.exit('usage: build-round.py ROUND_DIR')
HERE = os.path.abspath(sys.argv[1])
ROUND = int(re.search(r'(\d+)$', HERE.rstrip('/')).group(1))
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(REPO, 'corpus')
SHARED = os.path.join(os.path.dirname(REPO), 'shared')
if not os.path.isdir(SHARED):
    SHARED = '/work/shared'
CATALOGUE = os.path.join(SHARED, 'realdata', 'tthc-national-records', 'records.jsonl')
DAKLAK = os.path.join(SHARED, 'realdata', 'daklak')
RESOLUTIONS = os.path.join(SHARED, 'realdata', 'communes', 'input', 'docs')


def earlier_rounds():
    """The folders of the rounds before this one: eval/fresh, and eval/freshN for N below this round's; where the round
    is written outside the repository, also the folders beside it of lower N (rounds written side by side)."""
    seen = set()
    for parent in dict.fromkeys([os.path.join(REPO, 'eval'), os.path.dirname(HERE)]):
        for d in sorted(glob.glob(os.path.join(parent, 'fresh*'))):
            m = re.search(r'fresh(\d*)$', d)
            if not m or not os.path.isdir(d) or (m.group(1) != '' and int(m.group(1)) >= ROUND):
                continue
            if m.group(1) == '' and parent != os.path.join(REPO, 'eval'):
                continue
            if m.group(0) in seen:
                continue
            seen.add(m.group(0))
            yield d

EXPECTS = {'answer', 'refer', 'ask-back', 'out-of-scope', 'decline-personal-data'}
PERSONAS = {'citizen', 'official'}
FIELDS = ['id', 'question', 'persona', 'previous', 'expect', 'sources', 'key_facts', 'useful_if', 'tags']
FAQ_HEADINGS = ('người dân hay hỏi', 'câu hỏi thường gặp')
NGRAM = 8
# The round from which no question may share an 8-word run with an earlier round's question (the thirty-sixth was
# written before that check; common phrasings such as "thì mất bao nhiêu tiền, bao lâu xong" recur in it).
QUESTION_OVERLAP_FROM = 37
MAX_PER_SOURCE = 4

errors = []
def err(msg): errors.append(msg)

def nfc(s): return unicodedata.normalize('NFC', s)
def norm(s): return re.sub(r'\s+', ' ', nfc(s).replace('**', '')).strip()
def strip_accents(s):
    s = unicodedata.normalize('NFD', nfc(s).replace('đ', 'd').replace('Đ', 'D'))
    return ''.join(c for c in s if unicodedata.category(c) != 'Mn')
def words(s): return re.findall(r'\w+', strip_accents(s).lower())
def has_diacritics(s): return strip_accents(s) != nfc(s)

def drop_faq(text):
    """Remove sections whose heading names a FAQ note (to the next heading of the same or higher level)."""
    out, skip_level = [], None
    for line in text.split('\n'):
        m = re.match(r'^(#{1,6})\s+(.*)', line)
        if m:
            level = len(m.group(1))
            if skip_level is not None and level <= skip_level:
                skip_level = None
            if skip_level is None and any(h in m.group(2).lower() for h in FAQ_HEADINGS):
                skip_level = level
                continue
        if skip_level is None:
            out.append(line)
    return '\n'.join(out)

# ---------------------------------------------------------------- sources
sources = {}       # key -> (kind, full text, text for key facts)
corpus_codes = set()
for f in sorted(glob.glob(os.path.join(CORPUS, '**', '*.md'), recursive=True)):
    if os.path.basename(f) == 'README.md':
        continue
    t = open(f, encoding='utf-8').read()
    m = re.search(r'^id:\s*"?([^"\s]+)"?', t, re.M)
    if not m:
        continue
    c = re.search(r'^code:\s*"?([0-9.]+)"?', t, re.M)
    if c:
        corpus_codes.add(c.group(1))
    sources[m.group(1)] = ('corpus', t, drop_faq(t))
for line in open(CATALOGUE, encoding='utf-8'):
    r = json.loads(line)
    t = '\n'.join(str(v) for k, v in r.items() if isinstance(v, str) and not k.startswith('_') and k not in ('detail_url',))
    sources[r['ma_thu_tuc']] = ('catalogue', t, t)
def doc_keys(stem):
    parts = stem.split('_')
    keys = {'/'.join(parts)}
    keys.add('/'.join([parts[0].lstrip('0') or '0'] + parts[1:]))
    return keys
for f in sorted(glob.glob(os.path.join(DAKLAK, '*.md'))):
    t = open(f, encoding='utf-8').read()
    for k in doc_keys(os.path.splitext(os.path.basename(f))[0]):
        sources[k] = ('daklak', t, t)
for f in sorted(glob.glob(os.path.join(RESOLUTIONS, '*.md'))):
    t = open(f, encoding='utf-8').read()
    for k in doc_keys(os.path.splitext(os.path.basename(f))[0]):
        sources[k] = ('resolution', t, t)

# every source text, de-accented, as 8-gram hashes (one entry per distinct text)
grams = set()
seen_texts = set()
for kind, full, _ in sources.values():
    if id(full) in seen_texts:
        continue
    seen_texts.add(id(full))
    w = words(norm(full))
    for i in range(len(w) - NGRAM + 1):
        grams.add(hash(tuple(w[i:i + NGRAM])))

# ---------------------------------------------------------------- earlier rounds
earlier_readme = ''
for f in [os.path.join(d, 'README.md') for d in earlier_rounds() if os.path.exists(os.path.join(d, 'README.md'))]:
    earlier_readme += open(f, encoding='utf-8').read() + '\n'
earlier_readme_n = norm(earlier_readme)
earlier_sources = set()
for f in [f for d in earlier_rounds() for f in sorted(glob.glob(os.path.join(d, '*.jsonl')))]:
    for line in open(f, encoding='utf-8'):
        line = line.strip()
        if not line:
            continue
        try:
            o = json.loads(line)
        except ValueError:
            continue
        for s in o.get('sources') or []:
            earlier_sources.add(s)
# questions of earlier rounds, de-accented 8-grams (a new round writes every question new)
earlier_q_grams = set()
for f in [f for d in earlier_rounds() for f in sorted(glob.glob(os.path.join(d, '*.jsonl')))]:
    for line in open(f, encoding='utf-8'):
        try:
            o = json.loads(line)
        except ValueError:
            continue
        if not isinstance(o, dict) or not isinstance(o.get('question'), str):
            continue
        w = words(o['question'])
        for i in range(len(w) - NGRAM + 1):
            earlier_q_grams.add(hash(tuple(w[i:i + NGRAM])))

def named_earlier(src):
    if src in earlier_sources:
        return True
    if re.fullmatch(r'\d\.\d{6}', src):
        return re.search(r'(?<![\d.])' + re.escape(src) + r'(?![\d])', earlier_readme_n) is not None
    return src in earlier_readme_n

# ---------------------------------------------------------------- turns
def load(name):
    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, 'build_data', name + '.py'))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.TURNS

def build(turns, prefix, setname):
    out, labels = [], {}
    for i, t in enumerate(turns, 1):
        qid = '%s%03d' % (prefix, i)
        if t['label'] in labels:
            err('%s: duplicate label %s' % (setname, t['label']))
        labels[t['label']] = qid
        prev = t.get('prev')
        if prev is not None and prev not in labels:
            err('%s %s: previous %s not an earlier turn' % (setname, qid, prev))
        tags = [x for x in t.get('tags', []) if x not in ('no-diacritics', 'follow-up')]
        if prev is not None:
            tags.insert(0, 'follow-up')
        if not has_diacritics(t['q']):
            tags.insert(0, 'no-diacritics')
        o = {'id': qid, 'question': nfc(t['q']), 'persona': t['persona'],
             'previous': labels.get(prev) if prev else None, 'expect': t['expect'],
             'sources': list(t.get('sources', [])), 'key_facts': [nfc(k) for k in t.get('kf', [])],
             'useful_if': nfc(t['useful']), 'tags': list(dict.fromkeys(tags))}
        out.append(o)
    return out

default = build(load('default_set'), 'd', 'default')
full = build(load('full_set'), 'e', 'full')

# ---------------------------------------------------------------- checks
per_source = collections.Counter()
for setname, rows in (('default', default), ('full', full)):
    ids = [r['id'] for r in rows]
    if len(ids) != len(set(ids)):
        err('%s: duplicate ids' % setname)
    byid = {r['id']: r for r in rows}
    for r in rows:
        rid = r['id']
        if list(r.keys()) != FIELDS:
            err('%s: fields %s' % (rid, list(r.keys())))
        if r['expect'] not in EXPECTS:
            err('%s: expect %s' % (rid, r['expect']))
        if r['persona'] not in PERSONAS:
            err('%s: persona %s' % (rid, r['persona']))
        for fld in ('question', 'useful_if'):
            if r[fld] != nfc(r[fld]) or not r[fld].strip():
                err('%s: %s not NFC or empty' % (rid, fld))
        if r['previous']:
            p = byid.get(r['previous'])
            if p is None or ids.index(r['previous']) >= ids.index(rid):
                err('%s: previous %s unresolved' % (rid, r['previous']))
            elif p['persona'] != r['persona']:
                err('%s: persona differs from previous %s' % (rid, p['id']))
        if r['expect'] == 'answer' and (not r['sources'] or not r['key_facts']):
            err('%s: answer without sources or key facts' % rid)
        if r['expect'] in ('out-of-scope', 'decline-personal-data') and r['key_facts']:
            err('%s: key facts on a non-answer turn' % rid)
        for s in r['sources']:
            per_source[s] += 1
            if s not in sources:
                err('%s: source %s does not resolve' % (rid, s))
                continue
            kind = sources[s][0]
            if setname == 'default' and kind in ('catalogue', 'daklak'):
                err('%s: default set names %s source %s' % (rid, kind, s))
            if setname == 'full':
                if named_earlier(s):
                    err('%s: full-set source %s named by an earlier round' % (rid, s))
                if kind == 'catalogue' and s in corpus_codes:
                    err('%s: catalogue code %s shadowed by a corpus file' % (rid, s))
        for k in r['key_facts']:
            kn = norm(k)
            if not any(s in sources and kn in norm(sources[s][2]) for s in r['sources']):
                err('%s: key fact not verbatim in a named source (outside FAQ notes): %r' % (rid, k))
        w = words(r['question'])
        for i in range(len(w) - NGRAM + 1):
            if hash(tuple(w[i:i + NGRAM])) in grams:
                err('%s: question shares an %d-word run with a source: %s' % (rid, NGRAM, ' '.join(w[i:i + NGRAM])))
                break
        for i in range(len(w) - NGRAM + 1 if ROUND >= QUESTION_OVERLAP_FROM else 0):
            if hash(tuple(w[i:i + NGRAM])) in earlier_q_grams:
                err('%s: question shares an %d-word run with an earlier round\'s question: %s' % (rid, NGRAM, ' '.join(w[i:i + NGRAM])))
                break
for s, n in per_source.items():
    if n > MAX_PER_SOURCE:
        err('source %s used by %d questions (max %d)' % (s, n, MAX_PER_SOURCE))
only_cat = [r['id'] for r in full if r['sources'] and all(sources.get(s, ('x',))[0] in ('catalogue', 'daklak') for s in r['sources'])]
if len(only_cat) < 20:
    err('full: only %d questions rest only on catalogue / Đắk Lắk texts' % len(only_cat))

# ---------------------------------------------------------------- write
def stats(rows):
    c = lambda f: dict(collections.Counter(f(r) for r in rows).most_common())
    return {'n': len(rows), 'expect': c(lambda r: r['expect']), 'persona': c(lambda r: r['persona']),
            'no_diacritics': sum('no-diacritics' in r['tags'] for r in rows),
            'follow_ups': sum(1 for r in rows if r['previous']),
            'topic_change': sum('topic-change' in r['tags'] for r in rows),
            'commune_lookup': sum('commune-lookup' in r['tags'] for r in rows),
            'tags': dict(collections.Counter(t for r in rows for t in r['tags']).most_common())}
st = {'default': stats(default), 'full': stats(full), 'full_only_catalogue_or_daklak': len(only_cat),
      'full_catalogue_codes': sorted({s for r in full for s in r['sources'] if sources.get(s, ('x',))[0] == 'catalogue'}),
      'max_questions_per_source': max(per_source.values()) if per_source else 0}
for name, rows in (('default.jsonl', default), ('full.jsonl', full)):
    with open(os.path.join(HERE, name), 'w', encoding='utf-8') as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + '\n')
with open(os.path.join(HERE, 'build_data', 'stats.json'), 'w', encoding='utf-8') as fh:
    json.dump(st, fh, ensure_ascii=False, indent=1)

for e in errors:
    print('FAIL', e)
d, f = st['default'], st['full']
print('default: %d  expect %s  persona %s  no-diacritics %d (%.0f%%)  follow-ups %d (topic-change %d)  commune lookups %d'
      % (d['n'], d['expect'], d['persona'], d['no_diacritics'], 100.0 * d['no_diacritics'] / max(d['n'], 1), d['follow_ups'], d['topic_change'], d['commune_lookup']))
print('full:    %d  expect %s  persona %s  no-diacritics %d (%.0f%%)  follow-ups %d (topic-change %d)  only catalogue/Đắk Lắk %d'
      % (f['n'], f['expect'], f['persona'], f['no_diacritics'], 100.0 * f['no_diacritics'] / max(f['n'], 1), f['follow_ups'], f['topic_change'], len(only_cat)))
print('catalogue codes in full set: %d; max questions per source: %d' % (len(st['full_catalogue_codes']), st['max_questions_per_source']))
print('OK' if not errors else '%d check(s) failed' % len(errors))
sys.exit(1 if errors else 0)
