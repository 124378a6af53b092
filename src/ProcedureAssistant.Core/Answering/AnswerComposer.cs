using System.Globalization;
using System.Text;
using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Communes;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Questions;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// Writes the reply the answer policy decided, without a model. An answer opens with one sentence that answers what was
/// asked (yes or no with the fact, the amount, the time limit, the place to go, the competent body; an official also
/// gets the legal basis there), then at most <see cref="MaxLines"/> short lines on the items asked, then one line each
/// for where to file, who decides, how long and the fee when not said yet (what a person needs to act); the rest of a
/// procedure only when the whole procedure was asked for, under its own heading, with its steps numbered in full; at
/// most one line on what the sources do not say, and one on the text's validity. A citation marker closes each sentence
/// taken from a source, not each line. A team-written summary is named as such and never quoted as the text itself.
/// </summary>
public sealed partial class AnswerComposer(TimeProvider time)
{
    /// <summary>Most short lines after the first sentence (the steps of a procedure asked for in full are not cut).</summary>
    public const int MaxLines = 5;

    /// <summary>Longest short line, in characters: longer ones are cut at a sentence or word boundary.</summary>
    public const int MaxLineCharacters = 180;

    /// <summary>A further sentence of a passage is added when it holds at least this share of the question's weight not yet answered.</summary>
    public const double MinGain = 0.05;

    /// <summary>
    /// At most this many lines naming a form answer "theo mẫu nào": a record's papers often name two (the request and
    /// a report for another case), and the words of the question do not always tell which one is meant.
    /// </summary>
    public const int MaxFormLines = 2;

    /// <summary>The heading of the rest of a procedure, shown when the whole procedure is asked for.</summary>
    public const string WholeProcedureHeading = "Toàn bộ thủ tục:";

    private static readonly DateOnly TwoTierStart = new(2025, 7, 1);

    /// <summary>The name of an asked item, as the composer and the referrals write it.</summary>
    public static string Label(AskedField field) => field switch
    {
        AskedField.Fee => "Lệ phí",
        AskedField.Time => "Thời hạn giải quyết",
        AskedField.Place => "Nơi nộp hồ sơ",
        AskedField.Documents => "Hồ sơ",
        AskedField.Authority => "Cơ quan giải quyết",
        AskedField.LegalBasis => "Căn cứ pháp lý",
        AskedField.Steps => "Trình tự thực hiện",
        AskedField.Conditions => "Điều kiện",
        AskedField.Result => "Kết quả",
        AskedField.Deadline => "Hạn phải làm thủ tục",
        AskedField.Penalty => "Mức phạt",
        AskedField.Form => "Mẫu đơn, tờ khai",
        _ => "Mức tiền",
    };

    /// <summary>A text's title with its number: "Nghị định 126/2025/NĐ-CP quy định về …", "Luật … (72/2025/QH15)".</summary>
    public static string DisplayName(string title, string? number) =>
        number is null || title.Contains(number, StringComparison.Ordinal) ? title : $"{title} ({number})";

    /// <summary>The reply's text, and the chunks its markers <c>[n]</c> point to (source n is <c>Sources[n-1]</c>).</summary>
    internal ComposedReply Compose(Reply reply, AnswerContext context) => reply switch
    {
        AnswerReply answer => Answer(answer.Choice, context),
        AskBackReply ask => AskBack(ask.Options, context),
        AskWhichProcedureReply which => new(Replies.AskWhichProcedure(LowerFirst(Label(which.Field))), []),
        ReferReply refer => Refer(refer, context),
        PersonalDataReply => new(Replies.PersonalData, []),
        CommuneReply commune => Communes(commune),
        _ => new(Replies.OutOfScope + " Khi cần làm thủ tục hành chính, bạn " + Replies.ReferralClause, []),
    };

    private ComposedReply Answer(SourceChoice choice, AnswerContext context)
    {
        var text = new StringBuilder();
        var weights = new TermWeights(context.Analyzer, context.Reading.TopicTerms, choice.Document, context.Statistics);
        var primary = choice.Primary;
        var sources = new List<ChunkHit> { primary };
        if (choice.Document.Type == DocumentType.Procedure)
        {
            WriteProcedure(text, ProcedureRecord.From(choice.Document), context, weights);
        }
        else
        {
            sources.Clear();
            // The text's other retrieved passages, as many as the citations the answer may still make.
            var neighbours = choice.Context.Where(h => h.Chunk.DocumentId == choice.Document.Id && h != choice.Primary)
                .Take(Math.Max(0, SourceSelector.MaxCitations - 1 - choice.Others.Count)).ToList();
            WritePassage(text, choice.Primary, choice.Document, context, weights, sources, neighbours: neighbours);
        }

        // Texts the question names by number beside the chosen one: one sentence each, with its own marker.
        foreach (var other in choice.Others)
        {
            if (context.Documents.GetValueOrDefault(other.Chunk.DocumentId) is { } document)
            {
                text.Append('\n');
                WritePassage(text, other, document, context, new TermWeights(context.Analyzer, context.Reading.TopicTerms, document, context.Statistics), sources, lines: 1);
            }
        }

        // The dates asked of a text come right after the sentence that names it; a date asked that the text does not
        // give is said once, as what the sources do not say.
        if (context.Reading.AsksDatesOfText)
        {
            var firstLineEnd = text.ToString().IndexOf('\n', StringComparison.Ordinal) is var end and >= 0 ? end : text.Length;
            var (lines, unsaid) = DatesOfTexts(text.ToString(), choice.Document, context, sources);
            text.Insert(firstLineEnd, string.Concat(lines.Select(line => "\n- " + line)));
            if (unsaid is not null && !text.ToString().Contains(Replies.Unsaid, StringComparison.Ordinal))
            {
                text.Append('\n').Append(unsaid);
            }
        }

        // A list asked for that the text marks unknown, when what was said does not already say so: one line.
        if (DeclaredGaps.AskedList(choice.Document, context.Reading) is { } list && text.ToString() is var said &&
            !said.Contains(list, StringComparison.OrdinalIgnoreCase) && !said.Contains(Replies.Unsaid, StringComparison.Ordinal))
        {
            text.Append('\n').Append(Replies.Unsaid).Append(' ').Append(LowerFirst(TrimEnd(list))).Append("; ").Append(Replies.ReferralClause);
        }

        if (Validity(choice.Document, choice.Document.Type == DocumentType.Procedure ? text.ToString() : sources[0].Chunk.Text, context) is { } note)
        {
            text.Append('\n').Append(note);
        }

        return new(text.ToString().Trim(), sources);
    }

    private static void WriteProcedure(StringBuilder text, ProcedureRecord record, AnswerContext context, TermWeights weights)
    {
        var reading = context.Reading;
        var document = record.Document;
        var name = LowerFirst(document.Title) + Level(document);
        var asked = reading.Fields.Where(f => ProcedureRecord.SectionOf(f) is not null).Distinct().ToList();
        var stated = asked.Where(f => Lines(record, f).Count > 0).ToList();
        var missing = asked.Except(stated).ToList();

        // An amount paid out, a deadline or a fine has no section of its own: a record that names no sum anywhere but in
        // its fee, no deadline clause or no fine does not give it, and the one line on what the sources do not say says
        // so ("được bao nhiêu tiền"; "hạn chót nộp hồ sơ ngày nào" is not the office's processing time).
        missing.AddRange(reading.Fields.Where(f => f is AskedField.Amount or AskedField.Deadline or AskedField.Penalty or AskedField.Form && !record.Gives(f)));

        // By when the person must act: the record's clause that says so that speaks to the question best.
        var deadline = reading.Fields.Contains(AskedField.Deadline) ? Pick([.. record.Deadlines()], weights, 1).FirstOrDefault() : null;

        // The form asked for: the lines that name one, those that speak to the question first; a line naming only forms
        // already named ("chuẩn bị tờ khai CT01" after "Tờ khai … (mẫu CT01)") is not said again.
        var forms = reading.Fields.Contains(AskedField.Form)
            ? DistinctForms(record.Forms().Select((line, i) => (line, i)).OrderByDescending(x => weights.Score(x.line) >= weights.RelatedLineThreshold).ThenBy(x => x.i).Select(x => x.line)).Take(MaxFormLines).ToList()
            : [];
        var formsSaid = forms.Select(f => TrimEnd(Unbullet(Unnumbered(f)))).ToHashSet(StringComparer.Ordinal);
        var formNames = forms.SelectMany(FormNames).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // A line said with the form is not said again; nor, unasked, one that names only forms already named (the steps'
        // "chuẩn bị đơn theo Mẫu số 01"), though a line of an item asked keeps its place (the legal basis' "Thông tư
        // 66/2023/TT-BCA (các mẫu CT04, CT05, CT06)").
        bool IsTheFormLine(string line) => formsSaid.Contains(TrimEnd(Unbullet(Unnumbered(line))));
        bool IsAFormSaid(string line) =>
            IsTheFormLine(line) || (formNames.Count > 0 && FormNames(line) is { Count: > 0 } named && named.All(formNames.Contains));

        // When no item with a section of its own is asked, the form is what the first sentence says.
        var formSentence = forms.Count > 0 ? $"{Label(AskedField.Form)} {name}: {string.Join("; ", forms.Select(f => TrimEnd(Unbullet(Unnumbered(f)))))}" : null;

        var lead = stated.FirstOrDefault((AskedField)(-1));
        var officeVerdict = OfficeNotThere(reading, record);
        if ((int)lead < 0 && officeVerdict is not null)
        {
            // "… là lên công an xã phải không" names no item, but asks where to go: the place of filing answers it.
            lead = Lines(record, AskedField.Place).Count > 0 ? AskedField.Place : AskedField.Authority;
        }

        var lines = new List<string>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        string? answering = null;

        string sentence;
        if ((int)lead >= 0)
        {
            var leadLines = Lines(record, lead, keepGaps: true);
            if (lead == AskedField.Place && reading.NamedChannels.Count > 0)
            {
                // "gửi bưu điện được không": the line of the way of filing asked about is what the first sentence says.
                leadLines = [.. leadLines.OrderByDescending(line => reading.NamedChannels.Any(channel => NamesChannel(line, channel)))];
            }

            var listed = lead is AskedField.Documents or AskedField.Steps;
            sentence = listed ? $"{Label(lead)} {name} gồm" : $"{Label(lead)} {name}: {Unbullet(leadLines[0])}";
            // An item carried over from the previous question ("còn … thì sao, nhờ người nhà đi thay được không") is
            // not what this yes or no is about.
            if (reading.IsYesNo && !reading.FieldsCarriedOver && YesNo(reading, lead, leadLines, weights, officeVerdict, document.Title) is { } word)
            {
                sentence = word + ". " + sentence;
            }
            else if (reading.AsksIfEligible && !asked.Contains(AskedField.Conditions) && Lines(record, AskedField.Conditions) is { Count: > 0 } conditions)
            {
                // Whether someone may ("má tui có được không, làm đơn ở đâu") is a yes or no the item asked cannot
                // give: the record's conditions say who qualifies.
                lines.Add($"{Label(AskedField.Conditions)}: {Compact(conditions)}");
                used.Add(ProcedureRecord.Conditions);
            }

            var rest = listed ? leadLines : leadLines.Skip(1).ToList();
            if (lead == AskedField.Steps)
            {
                lines.AddRange(StepsOnly(rest)); // the steps asked for keep their full numbering
            }
            else if (lead == AskedField.Documents && reading.AsksWholeProcedure)
            {
                lines.AddRange(rest); // the documents of a procedure asked for in full: every one
            }
            else
            {
                lines.AddRange(Pick(rest, weights, MaxLines));
            }

            used.Add(ProcedureRecord.SectionOf(lead)!);
        }
        else if (formSentence is not null)
        {
            sentence = formSentence;
            formSentence = null;
        }
        else if (!reading.AsksWholeProcedure && Related(record, weights, used, deadline, reading, opening: true).Where(r => !IsAFormSaid(r.Line)).Take(1).ToList() is [var best])
        {
            // No item asked ("ông bà đi khai sinh thay được không"): the line that speaks to the question answers it,
            // named by its item when it is one ("Thời hạn giải quyết …: Trong ngày"; "Theo thủ tục …: Trong ngày" says
            // nothing of what the day is).
            sentence = ProcedureRecord.FieldOf(best.Section) is { } item and not (AskedField.Documents or AskedField.Steps)
                ? $"{Label(item)} {name}: {Unbullet(Unnumbered(best.Line))}"
                : $"Theo thủ tục {name}: {Unnumbered(best.Line)}";
            if (reading.IsYesNo && Polarity(best.Line, reading, weights, document.Title) is { } word)
            {
                sentence = word + ". " + sentence;
            }

            // The section's other lines stay open: its first line may still be what the person needs to act.
            answering = best.Line;
        }
        else if (record.Summary.Length > 0)
        {
            sentence = $"{document.Title}{Level(document)}: {Sentences(record.Summary.Split('\n')[0])[0]}";
        }
        else
        {
            var authority = record.Field(ProcedureRecord.Authority) is { } body ? Unbullet(First(body)) : null;
            sentence = authority is null ? $"Thủ tục {name}" : $"Thủ tục {name}; {LowerFirst(ProcedureRecord.Authority)}: {TrimEnd(authority)}";
        }

        // An official gets the legal basis in the first sentence; so does anyone asking whether someone qualifies: who
        // does is set by a legal text, which the person can then check.
        var asksWhoQualifies = reading.AsksIfEligible || lead == AskedField.Conditions;
        if ((context.Persona == Persona.Official || asksWhoQualifies) && lead != AskedField.LegalBasis && LegalBasis(record, weights) is { } basis)
        {
            // After the name when the line goes on in the list below it ("Từ đủ 75 tuổi …; hoặc"), else at the end.
            var cited = $" (căn cứ: {Cited(basis)})";
            var colon = sentence.IndexOf(": ", StringComparison.Ordinal);
            sentence = colon > 0 && GoesOn(sentence) ? sentence[..colon] + cited + sentence[colon..] : TrimEnd(sentence) + cited;
        }

        // The item asked first, when the record does not give it, is what the first sentence has to say: after
        // another item's lines it reads as buried ("xin gia hạn thì mấy ngày có kết quả" with the time unknown).
        var unsaidFirst = missing.Contains(reading.Fields.FirstOrDefault((AskedField)(-1)));
        var unsaid = Unsaid(record, missing, reading, unsaidFirst ? name : null);
        if (unsaid is not null && unsaidFirst)
        {
            text.Append(unsaid).Append('\n');
            unsaid = null;
        }

        if (deadline is not null)
        {
            text.Append(Label(AskedField.Deadline)).Append(' ').Append(name).Append(": ").Append(LowerFirst(TrimEnd(Clause(deadline)))).Append(" [1].\n");
        }

        if (formSentence is not null)
        {
            text.Append(formSentence).Append(" [1].\n");
        }

        text.Append(TrimEnd(sentence)).Append(sentence.EndsWith("gồm", StringComparison.Ordinal) ? " [1]:" : " [1].");

        // Where to go is also who decides: "ở đâu" is answered with the place to file and the competent body.
        if (lead == AskedField.Place && !stated.Contains(AskedField.Authority) && record.Field(ProcedureRecord.Authority) is { } decides)
        {
            lines.Insert(0, $"{ProcedureRecord.Authority}: {Unbullet(Rows(AskedField.Authority, StatedLines(decides)).FirstOrDefault() ?? First(decides))}");
            used.Add(ProcedureRecord.Authority);
        }

        // Other items asked, then lines outside them that speak to the question ("không cần giấy ủy quyền").
        foreach (var field in stated.Where(f => f != lead))
        {
            lines.Add($"{Label(field)}: {Compact(Spoken(Lines(record, field), weights))}");
            used.Add(ProcedureRecord.SectionOf(field)!);
        }

        if (!reading.AsksWholeProcedure)
        {
            lines.AddRange(Related(record, weights, used, deadline, reading).Where(r => r.Line != answering && !IsAFormSaid(r.Line)).Select(Labelled).Where(l => !lines.Contains(l)).Take(Math.Max(0, MaxLines - lines.Count)));
        }

        // "Miễn lệ phí khi đăng ký đúng hạn", "đăng ký quá hạn thì …": in time or late says nothing to someone who does
        // not know by when; the record's deadline, when it states one, is said next.
        if (deadline is null && record.Deadlines().Count > 0 && SpeaksOfTheDeadline([sentence, .. lines]) &&
            TrimEnd(Clause(Pick([.. record.Deadlines()], weights, 1)[0])) is var byWhen && !lines.Any(l => l.Contains(byWhen, StringComparison.Ordinal)))
        {
            lines.Insert(0, $"{Label(AskedField.Deadline)}: {LowerFirst(byWhen)}");
        }

        // The form's line, said first, is not said again among the papers.
        lines.RemoveAll(IsTheFormLine);
        var keepAll = lead == AskedField.Steps || (lead == AskedField.Documents && reading.AsksWholeProcedure);
        foreach (var line in keepAll ? lines : lines.Take(MaxLines))
        {
            text.Append('\n').Append(Bullet(line, keepNumber: lead == AskedField.Steps, weights));
        }

        if (!reading.AsksWholeProcedure)
        {
            // Papers to bring matter to someone about to go and file; after a fee or a time limit they only lengthen it.
            var goingToFile = (int)lead < 0 || lead is AskedField.Place or AskedField.Authority;
            foreach (var line in Essentials(record, used, [.. lines, .. answering is null ? [] : new[] { answering }, .. forms], goingToFile))
            {
                text.Append('\n').Append(Bullet(line, keepNumber: false));
            }
        }

        if (reading.AsksWholeProcedure)
        {
            WriteWholeProcedure(text, record, context.Persona, used);
        }

        if (unsaid is not null)
        {
            text.Append('\n').Append(unsaid);
        }
    }

    private static IEnumerable<string> DistinctForms(IEnumerable<string> lines)
    {
        var named = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines)
        {
            // Every form of the line is recorded as named, not only the first new one.
            var added = FormNames(line).Select(named.Add).ToList();
            if (added.Contains(true))
            {
                yield return line;
            }
        }
    }

    // The forms a line names by number or code; a declaration or request named by no number is its own name.
    private static List<string> FormNames(string line) =>
        ProcedureRecord.NamesAForm().Matches(line).Select(m => m.Groups["form"].Value).ToList() is { Count: > 0 } named ? named : [line];

    // What a person needs to act on any procedure answer, asked or not: where to file, who decides, how long, what it
    // costs; one line each (the section's first stated line), those the answer has not said yet, in that order.
    // The papers to bring come last, and only when the question asks where to go or who decides, or no item: judged
    // answers to such questions (eval/fresh, round 3) often lacked a paper the person had to bring (giấy báo tử, CT01).
    private static readonly AskedField[] EssentialFields = [AskedField.Place, AskedField.Authority, AskedField.Time, AskedField.Fee, AskedField.Documents];

    // Unasked, the papers get a shorter line than an asked item: the first two or three, enough to set out with.
    private const int UnaskedDocumentsCharacters = 140;

    private static IEnumerable<string> Essentials(ProcedureRecord record, HashSet<string> used, List<string> said, bool withDocuments)
    {
        foreach (var field in EssentialFields.Where(f => withDocuments || f != AskedField.Documents))
        {
            var section = ProcedureRecord.SectionOf(field)!;
            var all = Lines(record, field);
            if (used.Contains(section) || all.Count == 0)
            {
                continue;
            }

            // A line of the item already said (a line of it that spoke to the question) is not said again; its first
            // line still is when that was another one ("Nếu phải xác minh …" is not the time limit itself), with only
            // those of its other lines not said yet (the row joined to it, the papers listed after it). A first row
            // said ("Tiếp nhận: …") still leaves the row beside it to say ("Quyết định: …").
            bool Said(string line) => said.Any(l => l.Contains(TrimEnd(Unbullet(line)), StringComparison.Ordinal));
            List<string> stated = !said.Any(l => l.Contains(Unbullet(all[0]), StringComparison.Ordinal)) ? Rows(field, [all[0], .. all.Skip(1).Where(line => !Said(line))])
                : Rows(field, all).Count < all.Count && !Said(all[1]) ? [all[1]]
                : [];
            if (stated.Count == 0)
            {
                continue;
            }

            used.Add(section);
            yield return $"{Label(field)}: {(field == AskedField.Documents ? Compact(stated, UnaskedDocumentsCharacters) : Unbullet(stated[0]))}";
        }
    }

    // The rest of the record, in the order the persona needs it; the steps numbered in full.
    private static void WriteWholeProcedure(StringBuilder text, ProcedureRecord record, Persona persona, HashSet<string> used)
    {
        var sections = (persona == Persona.Official ? ProcedureRecord.OfficialFields : ProcedureRecord.CitizenFields)
            .Where(s => !used.Contains(s) && record.Field(s) is { } value && !DeclaredGaps.IsAllGaps(value))
            .ToList();
        if (sections.Count == 0)
        {
            return;
        }

        text.Append("\n\n").Append(WholeProcedureHeading);
        foreach (var section in sections)
        {
            var lines = StatedLines(record.Field(section)!);
            if (lines.Count == 1 && section != ProcedureRecord.Steps)
            {
                text.Append("\n- ").Append(section).Append(": ").Append(Short(Unbullet(lines[0])));
                continue;
            }

            text.Append("\n- ").Append(section).Append(':');
            foreach (var line in section == ProcedureRecord.Steps ? StepsOnly(lines) : lines.Take(MaxLines))
            {
                text.Append("\n  ").Append(Bullet(line, keepNumber: section == ProcedureRecord.Steps));
            }
        }
    }

    // The numbered steps of a procedure, every one of them, without the paragraphs between them (a record's steps can
    // run to pages); lines that are not numbered are kept, up to the limit, only when no line is.
    private static List<string> StepsOnly(List<string> lines)
    {
        var steps = lines.Where(l => Step().IsMatch(Unbullet(l))).ToList();
        return steps.Count > 0 ? steps : [.. lines.Take(MaxLines)];
    }

    // A regulation or guide: the sentence of the passage that speaks best to the question, named with the text (and
    // said to be a summary when it is one); then, while they add something the question asks about that is not said
    // yet, further sentences of the passage (a question in two parts is answered in two), in the text's order. A lead
    // that opens a list ("… có thẩm quyền đối với:", "Các ví dụ đã được ghi nhận:"), of points or of bullets, brings its items.
    private static void WritePassage(StringBuilder text, ChunkHit passage, CorpusDocument document, AnswerContext context, TermWeights weights, List<ChunkHit> sources, int lines = MaxLines, IReadOnlyList<ChunkHit>? neighbours = null)
    {
        var reading = context.Reading;
        var candidates = Candidates(passage.Chunk.Text);
        var ranked = candidates.Select((c, i) => (c.Text, c.Unit, Position: i, Score: weights.Score(c.Text) * (GivesWhatIsAsked(c.Text, reading) ? 2 : 1)))
            .OrderByDescending(c => c.Score).ThenBy(c => c.Position).ToList();
        var lead = ranked[0];

        // An item of a list is said with the line that opens the list: "quyết định giá đất cụ thể" alone does not say
        // who decides it ("Chủ tịch UBND cấp xã có thẩm quyền:" does).
        var opener = candidates.Select((c, i) => (c.Text, c.Unit, Position: i)).First(c => c.Unit == lead.Unit);
        var said = opener.Position < lead.Position && opener.Text.TrimEnd().EndsWith(':')
            ? $"{Sentences(Unnumbered(opener.Text))[^1]} {Unbullet(Unnumbered(lead.Text)).TrimEnd(':')}"
            : Unnumbered(lead.Text.TrimEnd(':'));
        var sentence = $"{Source(passage.Chunk, document, context.Persona)}: {said}";
        if (reading.IsYesNo && Polarity(lead.Text, reading, weights, document.Title) is { } word)
        {
            sentence = word + ". " + sentence;
        }

        text.Append(TrimEnd(sentence)).Append(Marker(passage, sources)).Append('.');
        var extra = new List<(string Text, int Position, ChunkHit Hit)>();
        if (lead.Text.TrimEnd().EndsWith(':'))
        {
            extra.AddRange(candidates.Select((c, i) => (c.Text, c.Unit, i)).Where(c => c.Unit == lead.Unit && c.i > lead.Position).Select(c => (c.Text, c.i, passage)));
        }
        else
        {
            // The text's other retrieved passages may say what this one does not ("… bao nhiêu nghị định phân quyền,
            // bao nhiêu phân định": each count in its own article); their sentences follow this passage's, cited apiece.
            var pool = ranked.Skip(1).Select(c => (c.Text, c.Position, Hit: passage))
                .Concat((neighbours ?? []).SelectMany((hit, k) => Candidates(hit.Chunk.Text).Select((c, j) => (c.Text, Position: ((k + 1) * NeighbourPositions) + j, Hit: hit))))
                .ToList();
            // A date or a number asked for and not given yet counts as much as the question's weight above the bar; so
            // does every count of the thing asked not said yet ("mỗi loại bao nhiêu nghị định": "11 nghị định …", "14
            // nghị định …"), though its words are the text's everywhere.
            var covered = weights.Found(lead.Text).ToHashSet(StringComparer.Ordinal);
            var given = GivesWhatIsAsked(lead.Text, reading);
            var counted = Counts(lead.Text, reading).ToHashSet(StringComparer.Ordinal);
            var minGain = MinGain * weights.Total;
            while (extra.Count < lines - 1)
            {
                var next = pool.Where(c => extra.All(e => e.Position != c.Position))
                    .Select(c => (c.Text, c.Position, c.Hit, Gain: weights.Found(c.Text).Except(covered).Sum(weights.Weight) +
                        ((!given && weights.Score(c.Text) > 0 && GivesWhatIsAsked(c.Text, reading)) || Counts(c.Text, reading).Except(counted).Any() ? minGain : 0)))
                    .OrderByDescending(c => c.Gain).ThenBy(c => c.Position).FirstOrDefault();
                if (next.Text is null || next.Gain < minGain || next.Gain <= 0)
                {
                    break;
                }

                extra.Add((next.Text, next.Position, next.Hit));
                covered.UnionWith(weights.Found(next.Text));
                given |= GivesWhatIsAsked(next.Text, reading);
                counted.UnionWith(Counts(next.Text, reading));
            }
        }

        foreach (var line in extra.OrderBy(e => e.Position).Take(lines - 1))
        {
            var bullet = Bullet(line.Text, keepNumber: false);
            text.Append('\n').Append(line.Hit == passage ? bullet : TrimEnd(bullet) + Marker(line.Hit, sources) + ".");
        }
    }

    // Positions of a neighbouring passage's sentences start at a multiple of this: after the chosen passage's, in
    // retrieval order.
    private const int NeighbourPositions = 10_000;

    // " [n]" for the chunk, numbering it as a source the first time it is cited.
    private static string Marker(ChunkHit hit, List<ChunkHit> sources)
    {
        if (!sources.Contains(hit))
        {
            sources.Add(hit);
        }

        return " [" + (sources.IndexOf(hit) + 1).ToString(CultureInfo.InvariantCulture) + "]";
    }

    // The sentence gives the kind of answer asked for: a date (dd/mm/yyyy), or a number the question does not state
    // itself ("gói 28 nghị định chia mấy loại" is not answered by "28 nghị định"), of the thing it counts when it
    // says which ("bao nhiêu nghị định" by "14 nghị định", not by "Nghị định 132").
    private static bool GivesWhatIsAsked(string sentence, QuestionReading reading) =>
        (reading.ExpectsDate && Date().IsMatch(sentence)) || (reading.ExpectsNumber && GivesANumberAsked(sentence, reading));

    private static bool GivesANumberAsked(string sentence, QuestionReading reading) =>
        reading.CountedThings.Count == 0 ? NewNumbers(sentence, reading).Any() : Counts(sentence, reading).Any();

    // The sentence's numbers that count the thing asked ("14" of "14 nghị định" for "bao nhiêu nghị định").
    private static IEnumerable<string> Counts(string sentence, QuestionReading reading) =>
        reading.CountedThings.Count == 0 ? [] : NewNumbers(sentence, reading)
            .Where(m => TextAnalyzer.Syllables(sentence[(m.Index + m.Length)..]).FirstOrDefault() is { } next && reading.CountedThings.Contains(VietnameseText.Fold(next).ToLowerInvariant()))
            .Select(m => m.Value);

    private static IEnumerable<System.Text.RegularExpressions.Match> NewNumbers(string sentence, QuestionReading reading) =>
        QuestionReader.Number().Matches(sentence).Where(m => !reading.NumbersStated.Contains(m.Value));

    // The sentences of a passage, each with the unit it belongs to: a paragraph's sentences, a list's lines. What the
    // passage marks unknown is left out: the stated sentences beside it answer.
    private static List<(string Text, int Unit)> Candidates(string passage)
    {
        var candidates = new List<(string Text, int Unit)>();
        var units = Units(passage);
        for (var u = 0; u < units.Count; u++)
        {
            // An article's own heading ("Điều 4. Thẩm quyền …") is named with the source, not quoted as a sentence.
            foreach (var line in units[u].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => !ArticleHeading().IsMatch(l)))
            {
                var pieces = line.EndsWith(':') || line.StartsWith('-') || (line.Length > 1 && line[1] == ')') ? [line] : Sentences(line);
                candidates.AddRange(pieces.Where(p => !DeclaredGaps.IsGap(p) && !DeclaredGaps.Find(p).Any()).Select(p => (p, u)));
            }
        }

        return candidates.Count == 0 ? [(passage, 0)] : candidates;
    }

    // "Theo bản tóm tắt Nghị định 142/2025/NĐ-CP … › Điều 4": the text, its article, and whether it is a summary.
    private static string Source(Chunk chunk, CorpusDocument document, Persona persona)
    {
        var name = DisplayName(document.Title, document.Number);
        var article = chunk.Headings.LastOrDefault(h => h.StartsWith("Điều ", StringComparison.Ordinal));
        var where = persona == Persona.Official && article is not null ? ", " + TrimEnd(article.Split('.')[0]) : string.Empty;
        return document.IsSummary ? $"Theo bản tóm tắt {name}{where} (không phải nguyên văn)" : $"Theo {name}{where}";
    }

    private static ComposedReply AskBack(IReadOnlyList<CorpusDocument> options, AnswerContext context)
    {
        var text = new StringBuilder(Replies.AskBack);
        var sources = new List<ChunkHit>();
        var records = options.Select(o => o.Type == DocumentType.Procedure ? ProcedureRecord.From(o) : null).ToList();
        var asked = records.Select(r => r is null ? null : AskedOf(r, context.Reading.Fields)).ToList();
        var sameForAll = asked.Distinct(StringComparer.Ordinal).Count() == 1;
        foreach (var (option, line, record) in options.Zip(asked, records))
        {
            var hit = context.Hits.First(h => h.Chunk.DocumentId == option.Id);
            sources.Add(hit);
            text.Append("\n- ").Append(option.Title).Append(Level(option)).Append(" [").Append(sources.Count.ToString(CultureInfo.InvariantCulture)).Append(']');
            if (line is not null && !sameForAll)
            {
                text.Append(" — ").Append(line);
            }
            else if (asked[0] is null && record is not null && WhenItApplies(record) is { } when)
            {
                // Nothing asked sets them apart: the record's opening sentence says whom or what case it is for.
                text.Append(" — ").Append(when);
            }
        }

        // The same answer for every option is said once, whichever is meant.
        if (sameForAll && asked[0] is { } common)
        {
            text.Append('\n').Append(common).Append(" [1]");
        }

        return new(text.ToString(), sources);
    }

    // The first sentence of a record's opening paragraph, which says whom or what case the procedure is for ("Khi giấy
    // phép xây dựng … bị mất hoặc hư hỏng, chủ nhà đề nghị … cấp lại").
    private static string? WhenItApplies(ProcedureRecord record) =>
        Sentences(record.Summary).FirstOrDefault() is { Length: > 0 } first ? Short(TrimEnd(first)) : null;

    // What the question asked of one option, in one line, when the record states it: each option's fee or time limit
    // beside its name lets the asker tell which one is theirs, and often spares the second question ("Chứng thực bản
    // sao …: 2.000 đồng/trang" beside "Chứng thực chữ ký …: 10.000 đồng/trường hợp").
    private static string? AskedOf(ProcedureRecord record, IReadOnlyList<AskedField> fields)
    {
        foreach (var field in fields)
        {
            var stated = Rows(field, [.. Lines(record, field).Where(l => !DeclaredGaps.IsGap(l))]);
            if (stated.Count > 0)
            {
                return $"{Label(field)}: {Short(string.Join("; ", stated.Select(l => TrimEnd(Unbullet(l)))))}";
            }
        }

        return null;
    }

    // Where each commune named now belongs (or what a new one was made of), each line citing its resolution and article;
    // a name several communes shared lists each with its province; then a former province named, with the resolution
    // that merged it. The commune mapping is the source: its resolutions are cited, not passages of the index.
    private static ComposedReply Communes(CommuneReply reply)
    {
        var text = new StringBuilder();
        var cited = new List<Citation>();
        string Cite(string resolution, string? article, string title, string line)
        {
            var index = cited.FindIndex(c => c.Number == resolution && c.Path == (article ?? string.Empty));
            if (index < 0)
            {
                cited.Add(new Citation(cited.Count + 1, ResolutionId(resolution), string.Empty, title, null, resolution, article ?? string.Empty, line, null));
                index = cited.Count - 1;
            }

            return $" [{(index + 1).ToString(CultureInfo.InvariantCulture)}]";
        }

        foreach (var named in reply.Communes)
        {
            // A unit the merger left as it was is an old and a new unit of one name: it is said once, as kept.
            var kept = named.Candidates.Where(c => IsKept(c, named.Candidates)).Select(c => c.NewCommunes[0].Code).ToHashSet(StringComparer.Ordinal);
            var mention = named with { Candidates = named.Candidates.Where(c => c.IsOld || !kept.Contains(c.Code)).ToList() };

            // When the name is only a new unit and an old unit of that name that went into it, the two are one place, not
            // two to ask back about: said once, by the line that says more (the new unit's, which names the old one among
            // those it was formed from; or the old one's, when it was split and says where each part went). Beside other
            // namesakes the old unit keeps its own line, so that every old unit of the name is listed alike.
            if (mention.Candidates is [var first, var second] && OnePlace(first, second) is { } said)
            {
                mention = mention with { Candidates = [said] };
            }

            var shown = mention.Candidates.Take(CommuneLookupRule.MaxCandidates).ToList();
            if (shown.Count > 1)
            {
                text.Append(text.Length > 0 ? "\n" : string.Empty).Append(CultureInfo.InvariantCulture, $"Có {mention.Candidates.Count} đơn vị hành chính tên «{shown[0].Name}»:");
            }

            // A candidate's line with the marker of the resolution and article that placed it.
            string Cited(CommuneMatch candidate)
            {
                var line = CommuneLine(candidate, kept);
                var destination = candidate.NewCommunes.Count > 0 ? candidate.NewCommunes[0] : null;
                var resolution = candidate.IsOld ? destination?.Resolution : candidate.Resolution;
                var article = candidate.IsOld ? string.Join("; ", candidate.NewCommunes.Select(n => n.Article).OfType<string>().Distinct()) : candidate.Article;
                var province = candidate.IsOld ? destination?.Province : candidate.Province;
                return line + (resolution is null ? string.Empty : Cite(resolution, article, CommuneResolutionTitle(resolution, province), line)) + ".";
            }

            foreach (var candidate in shown)
            {
                text.Append(text.Length > 0 ? "\n" : string.Empty).Append(shown.Count > 1 ? "- " : string.Empty).Append(Cited(candidate));
            }

            // One answer in the province asked for, and a few others of the name elsewhere: they are named after it, in
            // case the asker meant one of them ("phường Thống Nhất" is in old Đắk Lắk and in four other old provinces).
            // A name many units share ("Phường 9") gets one line instead.
            var others = shown.Count == 1 ? mention.Elsewhere.Where(c => c.IsOld).ToList() : [];
            if (others.Count > MaxNamesakesListed)
            {
                text.Append(CultureInfo.InvariantCulture, $"\nCòn {others.Count} đơn vị cùng tên ở tỉnh khác; cho biết tỉnh nếu bạn hỏi nơi khác.");
            }
            else if (others.Count > 0)
            {
                text.Append("\nCùng tên ở tỉnh khác:");
                foreach (var other in others)
                {
                    text.Append("\n- ").Append(Cited(other));
                }
            }

            if (mention.Candidates.Count > shown.Count)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n… và {mention.Candidates.Count - shown.Count} đơn vị khác cùng tên; cho biết tỉnh để tra cứu đúng nơi.");
            }
            else if (shown.Count > 1)
            {
                // Several units share the name: the asker is asked which one, rather than left to pick.
                text.Append(CultureInfo.InvariantCulture, $"\n{shown[0].Name} bạn hỏi thuộc huyện, tỉnh (cũ) nào?");
            }
        }

        foreach (var province in reply.Provinces)
        {
            var line = reply.FormedFrom.TryGetValue(province.Province, out var formers) && formers.Count > 0
                ? formers.Count == 1
                    ? $"{province.Province} không sắp xếp với tỉnh khác, giữ nguyên như trước ngày 12/6/2025"
                    : $"{province.Province} (từ ngày 12/6/2025) được hợp nhất từ {string.Join(", ", formers.SkipLast(1).Select(Former))} và {Former(formers[^1])}"
                : $"Tỉnh {StripUnit(province.OldProvince!)} trước ngày 12/6/2025 nay thuộc {province.Province}";
            text.Append(text.Length > 0 ? "\n" : string.Empty).Append(line)
                .Append(Cite(ProvinceMergerResolution, null, $"Nghị quyết {ProvinceMergerResolution} về việc sắp xếp đơn vị hành chính cấp tỉnh năm 2025", line)).Append('.');
            if (reply.Summary is { } counted && reply.FormerShare is { UnitsNow: > 0 } former)
            {
                // The resolution counts the province as it is now; the former one's share is counted in its list.
                var share = $"{former.UnitsBefore} xã, phường, thị trấn của {Former(province.OldProvince!)} nay thuộc {former.UnitsNow} đơn vị hành chính cấp xã (đếm theo danh sách sắp xếp)";
                text.Append('\n').Append(share)
                    .Append(Cite(counted.Resolution, null, CommuneResolutionTitle(counted.Resolution, counted.Province), share)).Append('.');
            }
        }

        if (reply.Summary is { } summary)
        {
            // The resolution's own sentence: how many units, of which kinds, and those not rearranged.
            var sentence = summary.Text.TrimEnd('.');
            text.Append(text.Length > 0 ? "\n" : string.Empty).Append(sentence)
                .Append(Cite(summary.Resolution, summary.Article, CommuneResolutionTitle(summary.Resolution, summary.Province), sentence)).Append('.');
        }

        return new(text.ToString(), []) { Attributions = cited };
    }

    // The title a commune reply cites a province's arrangement resolution by.
    private static string CommuneResolutionTitle(string resolution, string? province) =>
        $"Nghị quyết {resolution} về việc sắp xếp các đơn vị hành chính cấp xã của {province} năm 2025";

    // At most this many namesakes outside the province asked for are listed after its answer.
    private const int MaxNamesakesListed = 4;

    // The resolution of the National Assembly that merged the provinces (12 June 2025).
    private const string ProvinceMergerResolution = "202/2025/QH15";

    // An old unit that went whole into a new unit of its own name made of nothing else.
    private static bool IsKept(CommuneMatch old, IReadOnlyList<CommuneMatch> candidates) =>
        old.IsOld && old.NewCommunes is [{ Partial: false } only] && only.Name == old.Name &&
        candidates.Any(n => !n.IsOld && n.Code == only.Code && n.OldCommunes.Count == 1);

    private static CommuneMatch? OnePlace(CommuneMatch first, CommuneMatch second)
    {
        var (old, formed) = first.IsOld == second.IsOld ? (null, null) : first.IsOld ? (first, second) : (second, first);
        return old?.NewCommunes.FirstOrDefault(n => n.Code == formed!.Code) switch
        {
            null => null,
            { Partial: true } => old,
            _ => old.NewCommunes.Count > 1 ? old : formed,
        };
    }

    private static string CommuneLine(CommuneMatch candidate, HashSet<string> kept)
    {
        if (candidate.IsOld && candidate.NewCommunes is [var same] && kept.Contains(same.Code))
        {
            return $"{candidate.Name} ({candidate.OldProvince} cũ) giữ nguyên, không sắp xếp với đơn vị nào: nay là {same.Name}, {same.Province}";
        }

        if (!candidate.IsOld)
        {
            var from = candidate.OldCommunes.Count == 0 ? string.Empty : $" được lập từ {string.Join(", ", candidate.OldCommunes)}";
            return $"{candidate.Name}, {candidate.Province} (từ ngày 1/7/2025){from}";
        }

        var destinations = candidate.NewCommunes.Select(n => $"{n.Name}, {n.Province}{(n.Partial ? " (một phần)" : string.Empty)}").ToList();
        var where = destinations.Count == 0 ? "chưa có trong dữ liệu sắp xếp" : "nay thuộc " + string.Join("; ", destinations);
        var district = candidate.District is null ? string.Empty : candidate.District + ", ";
        return $"{candidate.Name} ({district}{candidate.OldProvince} cũ) {where}";
    }

    // A former province as the replies name it: "tỉnh Phú Yên cũ", "thành phố Đà Nẵng cũ".
    private static string Former(string province) =>
        province.StartsWith("Thành phố ", StringComparison.Ordinal) ? $"thành phố {province["Thành phố ".Length..]} cũ" : $"tỉnh {StripUnit(province)} cũ";

    private static string StripUnit(string province) =>
        province.StartsWith("Tỉnh ", StringComparison.Ordinal) ? province[5..] : province;

    // "1660/NQ-UBTVQH15" → "nq-1660-ubtvqh15", "202/2025/QH15" → "nq-202-2025-qh15" (the corpus' id for a resolution).
    private static string ResolutionId(string number) =>
        "nq-" + number.ToLowerInvariant().Replace("nq-", string.Empty, StringComparison.Ordinal).Replace('/', '-');

    private static ComposedReply Refer(ReferReply refer, AnswerContext context)
    {
        var place = refer.Place?.Province is { } province ? $" (tỉnh {province})" : string.Empty;
        var referral = place.Length == 0 ? Replies.Referral : Replies.Referral.Replace("nơi cư trú", "nơi cư trú" + place, StringComparison.Ordinal);
        if (refer.Missing is null && refer.Document is { } discussed)
        {
            var source = context.Hits.FirstOrDefault(h => h.Chunk.DocumentId == discussed.Id);
            var known = KnownBesideTheGap(discussed.Type == DocumentType.Procedure ? ProcedureRecord.From(discussed) : null, context);
            // Said as what the search did not find, not as what the text lacks: its words may say it in others.
            return new($"Tôi chưa tìm thấy trong {LowerFirst(Kind(discussed))} «{DisplayName(discussed.Title, discussed.Number)}»{(source is null ? string.Empty : " [1]")} câu trả lời cho điều bạn hỏi.{known} {referral}", source is null ? [] : [source]);
        }

        if (refer.Missing is null)
        {
            return new(Replies.NotInSources + " " + referral, []);
        }

        var missing = LowerFirst(refer.Missing.Trim().TrimEnd(':', '.'));
        if (refer.Document is not { } document)
        {
            return new($"Các văn bản trong hệ thống chưa có thông tin về {missing}. " + referral, []);
        }

        // The text that says it does not know is cited, so that the person can read what it does say.
        var cited = context.Hits.FirstOrDefault(h => h.Chunk.DocumentId == document.Id);
        var record = document.Type == DocumentType.Procedure ? ProcedureRecord.From(document) : null;
        if (record is not null)
        {
            // Every item asked that the record marks unknown is named ("lệ phí, thời hạn giải quyết"), not only the first.
            var gaps = record.MarkedUnknown(context.Reading.Fields).Select(f => LowerFirst(Label(f))).ToList();
            if (gaps.Count > 1 && gaps.Contains(missing))
            {
                missing = string.Join(", ", gaps);
            }
        }

        var opening = $"{Kind(document)} «{DisplayName(document.Title, document.Number)}» chưa có thông tin chính thức về {missing}{(cited is null ? string.Empty : " [1]")}.";
        return new(opening + KnownBesideTheGap(record, context) + " " + referral, cited is null ? [] : [cited]);
    }

    // How a referral names a text: "Thủ tục", "Bản tóm tắt" or "Văn bản".
    private static string Kind(CorpusDocument document) =>
        document.Type == DocumentType.Procedure ? "Thủ tục" : document.IsSummary ? "Bản tóm tắt" : "Văn bản";

    // What the record does say that a person needs beside the gap: who handles the procedure (else where to file), the
    // form to fill in and the text it rests on, so that "chưa có thông tin" does not leave them without the office to
    // ask or the decree.
    private static string KnownBesideTheGap(ProcedureRecord? record, AnswerContext context)
    {
        if (record is null)
        {
            return string.Empty;
        }

        var weights = new TermWeights(context.Analyzer, context.Reading.TopicTerms, record.Document, context.Statistics);
        var office = new[] { AskedField.Authority, AskedField.Place }.Select(f => (Field: f, Lines: Lines(record, f))).FirstOrDefault(f => f.Lines.Count > 0);
        var known = new List<string>();
        if (office.Lines is { } lines)
        {
            known.Add($"{Label(office.Field)}: {TrimEnd(Short(Sentences(Unbullet(lines[0]))[0]))}");
        }

        // The form to fill in is what the person can prepare while the office says the rest ("Tờ khai … (mẫu CT01)").
        if (record.Forms() is [var form, ..])
        {
            known.Add($"{LowerFirst(Label(AskedField.Form))}: {TrimEnd(Short(Unbullet(Unnumbered(form))))}");
        }

        if (LegalBasis(record, weights) is { } basis)
        {
            known.Add($"căn cứ: {Cited(basis)}");
        }

        return known.Count == 0 ? string.Empty : " " + string.Join("; ", known) + ".";
    }

    // One line at most on what the sources do not say: asked items the record marks unknown or lacks, and a figure
    // asked for a named province when the record gives only the rule that the province sets it.
    private static string? Unsaid(ProcedureRecord record, IReadOnlyList<AskedField> missing, QuestionReading reading, string? procedure = null)
    {
        var items = missing.Select(f => LowerFirst(Label(f))).ToList();
        if (reading.Place?.Province is { } province && reading.Fields.Contains(AskedField.Fee) &&
            record.Field(ProcedureRecord.Fee) is { } fee && VietnameseText.Fold(fee).Contains("hoi dong nhan dan cap tinh", StringComparison.OrdinalIgnoreCase))
        {
            items.Add($"mức lệ phí cụ thể ở {reading.Place.NamedProvince ?? province}");
        }

        var of = procedure is null ? string.Empty : " " + procedure;
        return items.Count == 0 ? null : $"{Replies.Unsaid} {string.Join(", ", items)}{of}; {Replies.ReferralClause}";
    }

    // When a text was signed, took effect and ends, from the text's own record, cited by a retrieved passage of it: the
    // chosen text when it has a number (the question is about it), else the texts the answer's first sentence names (the
    // legal basis of a procedure), at most MaxTextsDated. A text whose passage is not among those retrieved is left out,
    // and so is one whose every date the answer already gives. A number alone does not let a person cite a text: "Nghị định
    // 139/2025/NĐ-CP, ký ngày nào" needs the date as well. The first text's dates asked that its record does not give
    // make the line on what the sources do not say, unless a sentence said gives one: a signing date asked is not
    // answered by the day the decree was announced, nor an entry into force by the day a law was passed.
    private static (List<string> Lines, string? Unsaid) DatesOfTexts(string answer, CorpusDocument chosen, AnswerContext context, List<ChunkHit> sources)
    {
        var firstSentence = answer.Split('\n')[0];
        var numbers = chosen.Number is { } own ? [own] : DocumentNumber().Matches(firstSentence).Select(m => m.Value).Distinct(StringComparer.Ordinal).Take(MaxTextsDated).ToList();
        var given = Date().Matches(answer).Select(m => DateOnly.TryParseExact(m.Value, "d/M/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : default).ToHashSet();
        var lines = new List<string>();
        string? unsaid = null;
        var first = true;
        foreach (var number in numbers)
        {
            var document = context.Documents.Values.FirstOrDefault(d => string.Equals(d.Number, number, StringComparison.Ordinal));
            var passage = document is null ? null : context.Hits.FirstOrDefault(h => h.Chunk.DocumentId == document.Id);
            if (document is null || passage is null)
            {
                continue;
            }

            var name = document.Title.Contains(number, StringComparison.Ordinal) ? document.Title[..(document.Title.IndexOf(number, StringComparison.Ordinal) + number.Length)] : number;
            var known = TextDates.Select(d => (d.Label, Day: document.DateOf(d.Date))).Where(d => d.Day is not null).ToList();
            if (known.Any(d => !given.Contains(d.Day!.Value)))
            {
                lines.Add($"{name}: {string.Join(", ", known.Select(d => $"{d.Label} {VietnameseDate(d.Day!.Value)}"))}{Marker(passage, sources)}.");
            }

            var unknown = context.Reading.DatesOfTextAsked.Where(asked => document.DateOf(asked) is null && !SaysADate(answer, asked)).ToList();
            if (first && unknown.Count > 0)
            {
                unsaid = $"{Replies.Unsaid} {string.Join(", ", unknown.Select(u => TextDates.First(d => d.Date == u).Unsaid))} của {name}; {Replies.ReferralClause}";
            }

            first = false;
        }

        return (lines, unsaid);
    }

    // Whether a sentence already said gives a date with the words of the one asked ("ngày có hiệu lực là 16/6/2025,
    // nhưng … chưa được kiểm chứng"): the answer does not then say in the same breath that the sources give none.
    private static bool SaysADate(string answer, TextDate asked) =>
        answer.Split(['\n', '.'], StringSplitOptions.RemoveEmptyEntries).Any(sentence => Date().IsMatch(sentence) &&
            TextAnalyzer.Syllables(sentence).Select(VietnameseText.Fold).ToList() is var syllables && TextDates.First(d => d.Date == asked).Words.Any(words => HoldsPhrase(syllables, words)));

    // Each date of a legal text: how the dates line gives it, how the line on what the sources do not say names it,
    // and the words of a sentence that gives it ("ký", "hiệu lực", "hết hiệu lực").
    private static readonly (TextDate Date, string Label, string Unsaid, string[][] Words)[] TextDates =
    [
        (TextDate.Issued, "ban hành ngày", "ngày ký", [["ky"], ["ban", "hanh"]]),
        (TextDate.InForce, "có hiệu lực từ ngày", "ngày có hiệu lực", [["hieu", "luc"], ["ap", "dung"]]),
        (TextDate.Ends, "hết hiệu lực từ ngày", "ngày hết hiệu lực", [["het", "hieu", "luc"], ["den", "ngay"], ["toi", "ngay"]]),
    ];

    private const int MaxTextsDated = 2;

    // "12/6/2025", "01/7/2025": the day in two digits, the month as it is said, as the texts write dates.
    private static string VietnameseDate(DateOnly date) => date.ToString("dd/M/yyyy", CultureInfo.InvariantCulture);

    // One line at most on validity: replaced, not in force, or written before the two-tier reform and still naming the
    // district level as if it acted (a text that names the reform's date is written with the reform in view).
    private string? Validity(CorpusDocument document, string chunkText, AnswerContext context)
    {
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        if (document.SupersededBy is { } replacement)
        {
            var successor = context.Documents.GetValueOrDefault(replacement);
            return $"Lưu ý: văn bản này đã được thay thế bởi {(successor is null ? replacement : DisplayName(successor.Title, successor.Number))}.";
        }

        if (!document.IsInForce(today))
        {
            return $"Lưu ý: văn bản này không còn hoặc chưa có hiệu lực vào ngày {today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}.";
        }

        var preReform = (document.Effective ?? document.Issued) is { } start && start < TwoTierStart;
        var knowsTheReform = document.Body.Contains("01/7/2025", StringComparison.Ordinal) || document.Body.Contains("1/7/2025", StringComparison.Ordinal);
        var namesTheDistrict = TextAnalyzer.Syllables(chunkText).Select(VietnameseText.Fold).Contains("huyen", StringComparer.Ordinal) && !knowsTheReform;
        if (preReform && namesTheDistrict)
        {
            return "Lưu ý: văn bản này ban hành trước ngày 01/7/2025 và còn nhắc đến cấp huyện; từ ngày 01/7/2025 cấp huyện không còn, nhiệm vụ đã chuyển về cấp xã hoặc cấp tỉnh.";
        }

        // A procedure record with no date (the national catalogue's) that names the district level in what the answer
        // says ("Bảo hiểm xã hội cấp huyện") may be older than the reform: the person must not go looking for it.
        var undatedRecord = document.Type == DocumentType.Procedure && document.Effective is null && document.Issued is null;
        return undatedRecord && namesTheDistrict
            ? "Lưu ý: bản ghi này còn nhắc đến cấp huyện; từ ngày 01/7/2025 cấp huyện không còn, nhiệm vụ đã chuyển về cấp xã hoặc cấp tỉnh."
            : null;
    }

    // "Có"/"Không" for a yes/no question about an item: free of charge, filed through the channel asked about, or not
    // at the office or level asked about.
    private static string? YesNo(QuestionReading reading, AskedField field, List<string> lines, TermWeights weights, string? officeVerdict, string title)
    {
        return field switch
        {
            AskedField.Fee => FeeVerdict(string.Join(' ', lines.Select(Unbullet)), reading.Text),
            AskedField.Place or AskedField.Authority when officeVerdict is not null => officeVerdict,
            AskedField.Place => ChannelVerdict(reading, lines),
            _ => Polarity(lines[0], reading, weights, title),
        };
    }

    // "Không" for a yes/no question that names an office or level ("lên công an xã phải không", "UBND huyện có còn
    // cấp không") that neither the record's place of filing nor its competent body names: a place line lists every
    // office a person may go to. Never "Có" from the office alone: a question naming the right office often asks
    // something else about it ("có bắt buộc về công an nơi thường trú không").
    private static string? OfficeNotThere(QuestionReading reading, ProcedureRecord record)
    {
        if (!reading.IsYesNo || reading.NamedOffices.Count == 0)
        {
            return null;
        }

        var said = Lines(record, AskedField.Place).Concat(Lines(record, AskedField.Authority))
            .SelectMany(line => Expanded(TextAnalyzer.Syllables(line).Select(VietnameseText.Fold))).ToList();
        var absent = reading.NamedOffices.Any(office => !HoldsPhrase(said, [.. TextAnalyzer.Syllables(office).Select(VietnameseText.Fold)]));
        return said.Count > 0 && absent ? "Không" : null;
    }

    private static bool HoldsPhrase(List<string> syllables, string[] phrase) =>
        phrase.Length > 0 && Enumerable.Range(0, Math.Max(0, syllables.Count - phrase.Length + 1)).Any(i => phrase.Select((p, j) => syllables[i + j] == p).All(x => x));

    // "Có" for a yes/no question about a way of filing ("gửi bưu điện được không") that a line of the place of filing
    // names, "Không" when the lines name other ways only; none when the question asks about none, or the lines name no
    // way at all (a place the source does not give).
    private static string? ChannelVerdict(QuestionReading reading, List<string> lines) =>
        reading.ChannelsAskedAbout.Count == 0 ? null
        : reading.ChannelsAskedAbout.Any(channel => lines.Any(line => NamesChannel(line, channel))) ? "Có"
        : lines.Any(line => NamesChannel(line, InPerson)) ? "Không"
        : null;

    // How the records write filing at the office.
    private const string InPerson = "trực tiếp";

    // Whether a line names a way of filing; one that names a portal ("ứng dụng VNeID", "dichvucong.gov.vn") names the
    // online channel.
    private static bool NamesChannel(string line, string channel)
    {
        var syllables = TextAnalyzer.Syllables(line).Select(VietnameseText.Fold).ToList();
        var phrase = TextAnalyzer.Syllables(channel).Select(VietnameseText.Fold).ToArray();
        return HoldsPhrase(syllables, phrase) ||
            (phrase is ["truc", "tuyen"] && (syllables.Contains("vneid") || syllables.Contains("dichvucong") || HoldsPhrase(syllables, ["dich", "vu", "cong"])));
    }

    // Whether one pays: "Không" when the fee lines say it is waived and state no sum above nought, "Có" when they say
    // nothing of a waiver, none when they say both ("miễn lệ phí khi đăng ký đúng hạn", a sum when late) or the
    // question asks how much: the sum answers it, and its yes or no is about something else ("tốn bao nhiêu, nhờ em
    // gái đi được không").
    internal static string? FeeVerdict(string fee, string question)
    {
        var folded = VietnameseText.Fold(fee).ToLowerInvariant();
        var asksHowMuch = TextAnalyzer.Syllables(question).Any(s => VietnameseText.Fold(s) == "nhieu");
        var waived = Waivers.Any(w => folded.Contains(w, StringComparison.Ordinal));
        var paid = ProcedureRecord.Sum().Matches(folded).Any(m => m.Groups[1].Value.Any(c => c is >= '1' and <= '9'));

        // A waiver only for those who file in time ("miễn lệ phí khi đăng ký đúng hạn") is no answer for someone who
        // writes that the baby is three months old: the line with its condition answers, without a verdict.
        var onlyInTime = waived && OnTime.Any(w => folded.Contains(w, StringComparison.Ordinal));
        return asksHowMuch || onlyInTime || (waived && paid) ? null : waived || AllAmountsZero(folded) ? "Không" : "Có";
    }

    // How the records write that nothing is charged, without diacritics.
    private static readonly string[] Waivers = ["mien le phi", "mien phi", "mien thu", "khong thu", "khong phai nop", "khong mat phi"];

    // How the records make a waiver depend on filing in time, without diacritics.
    private static readonly string[] OnTime = ["dung han", "dung thoi han", "trong thoi han"];

    // Every amount the fee lines state is nought ("Nộp trực tiếp: 0 đồng; trực tuyến: 0 đồng").
    private static bool AllAmountsZero(string folded)
    {
        var amounts = ProcedureRecord.Sum().Matches(folded).Select(m => m.Groups[1].Value.Replace(".", string.Empty, StringComparison.Ordinal)).ToList();
        return amounts.Count > 0 && amounts.All(a => a.All(c => c == '0'));
    }

    // "Không" when the line negates one of the question's own words ("không cần giấy ủy quyền" for "có cần giấy ủy
    // quyền không"); "Có" when the line holds most of what the question asks beyond the text's name; otherwise none.
    private static string? Polarity(string line, QuestionReading reading, TermWeights weights, string title)
    {
        var syllables = TextAnalyzer.Syllables(line).Select(VietnameseText.Fold).ToList();
        var question = TextAnalyzer.Syllables(reading.Text).Select(VietnameseText.Fold).ToList();
        var asked = question.ToHashSet(StringComparer.Ordinal);

        // A word the asker negates in telling their situation ("mẹ tôi không biết dùng điện thoại, có ai làm giúp
        // không") is not what the yes or no is about: a line negating it agrees with the story, it does not answer.
        var negatedInStory = question.Select((s, i) => (s, i)).Where(x => x.s is "khong" or "chua")
            .SelectMany(x => question.Skip(x.i + 1).Take(2)).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i + 1 < syllables.Count; i++)
        {
            if (syllables[i] is "khong" or "chua" && syllables.Skip(i + 1).Take(2).Any(s => weights.Contains(s) && asked.Contains(s) && !negatedInStory.Contains(s)) &&
                !(i > 0 && asked.Contains(syllables[i - 1]) && asked.Contains("khong") && reading.Text.Contains(syllables[i - 1] + " không", StringComparison.Ordinal)))
            {
                return "Không";
            }
        }

        // Never "Có" to a number the line does not state ("nằm ở Nghị định 143 phải không" answered from a line that
        // names Nghị định 142); a line that names no text by number speaks of its own text, whose title may hold it.
        var stated = DocumentNumber().IsMatch(line) ? syllables : [.. syllables, .. TextAnalyzer.Syllables(title).Select(VietnameseText.Fold)];
        var numbers = asked.Where(s => s.Any(char.IsDigit));

        // Nor to an office or level the line does not name ("Chủ tịch xã có quyết được không" answered from "… Chủ tịch
        // UBND cấp tỉnh quyết định").
        var offices = reading.NamedOffices.All(office => HoldsPhrase(Expanded(syllables), [.. TextAnalyzer.Syllables(office).Select(VietnameseText.Fold)]));
        return weights.Total > 0 && weights.Score(line) >= 0.5 * weights.Total && numbers.All(stated.Contains) && offices ? "Có" : null;
    }

    // Syllables with "UBND" written out, as the offices list names the body.
    private static List<string> Expanded(IEnumerable<string> syllables) =>
        [.. syllables.SelectMany(s => s == "ubnd" ? ["uy", "ban", "nhan", "dan"] : new[] { s })];

    // Lines outside the asked items that speak to the question, best first. A note that points to another procedure
    // ("xem thủ tục “Gia hạn tạm trú”") is about that one, and naming it would make it the paper a next "giấy đó" means.
    // A line that names the province the question asks about speaks to it too ("ở Thanh Hóa xin ở phường được chưa"
    // is answered by "ví dụ Thanh Hóa từ 22/8/2025"), though a place is not a topic word (it would pull every text
    // that names it).
    private static IEnumerable<(string Section, string Line)> Related(ProcedureRecord record, TermWeights weights, HashSet<string> used, string? said, QuestionReading reading, bool opening = false)
    {
        var lines = record.Sections
            .Where(s => !used.Contains(s.Name))
            .SelectMany(s => StatedLines(s.Text).Where(line => (said is null || !line.Contains(said, StringComparison.Ordinal)) && !(s.Name == ProcedureRecord.Notes && PointsToAnotherProcedure(line)))
                .Select(line => (s.Name, Line: line, NamesPlace: Names(line, reading.Place?.NamedProvince), Bounds: BoundsAQuantityStated(line, reading), Score: weights.Score(line))))
            .ToList();
        // The line that best holds the question's rarest word the record holds speaks to it too, below the bar: a long
        // story dilutes the bar, not what the question asks of this record beyond its name ("vân tay"). Not as the
        // opening sentence, which answers the question: below the bar, what the procedure is says more.
        var rarest = opening ? null : lines.Where(x => weights.HoldsTheRarest(x.Line)).OrderByDescending(x => x.Score).Select(x => x.Line).FirstOrDefault();
        // A note is said only when its words speak to the question: one that names the province or a number of the
        // asker's kind ("Bản ghi … ghi thời hạn 01 ngày" to "mới sanh được 10 ngày") is about the record, not the case.
        return lines
            .Where(x => x.Name == ProcedureRecord.Notes ? x.Score >= weights.RelatedLineThreshold : x.NamesPlace || x.Bounds || x.Score >= weights.RelatedLineThreshold || x.Line == rarest)
            .OrderByDescending(x => x.NamesPlace).ThenByDescending(x => x.Bounds).ThenByDescending(x => x.Score)
            .Select(x => (x.Name, x.Line));
    }

    private static bool PointsToAnotherProcedure(string line) => line.Contains("thủ tục “", StringComparison.Ordinal);

    // A line that states a number of the kind the asker gives of his own case ("từ 07 ngày trở lên" to "mẹ nằm viện 10
    // ngày", "không quá 31 tuổi" to "em 29 tuổi") is the bound he measures himself against, whatever words it shares.
    private static bool BoundsAQuantityStated(string line, QuestionReading reading) =>
        reading.UnitsStated.Count > 0 &&
        QuestionReader.Quantity().Matches(line).Any(m => reading.UnitsStated.Contains(QuestionReader.UnitOf(m)));

    private static bool Names(string line, string? place) =>
        place is not null && HoldsPhrase([.. TextAnalyzer.Syllables(line).Select(VietnameseText.Fold)], [.. TextAnalyzer.Syllables(place).Select(VietnameseText.Fold)]);

    // A line of one of the record's items says which item it is ("05 ngày làm việc" alone does not say it is the time
    // limit); a paper or a step reads as what it is.
    private static string Labelled((string Section, string Line) related) =>
        ProcedureRecord.FieldOf(related.Section) is { } field && field is not (AskedField.Documents or AskedField.Steps)
            ? $"{Label(field)}: {Unbullet(related.Line)}"
            : related.Line;

    // Up to n lines, those that speak to the question first, in the record's order.
    private static List<string> Pick(List<string> lines, TermWeights weights, int n)
    {
        if (lines.Count <= n)
        {
            return [.. lines];
        }

        var chosen = lines.Select((line, i) => (line, i, Score: weights.Score(line)))
            .OrderByDescending(x => x.Score >= weights.RelatedLineThreshold).ThenBy(x => x.i).Take(n).OrderBy(x => x.i).Select(x => x.line).ToList();
        return chosen;
    }

    private static List<string> Lines(ProcedureRecord record, AskedField field, bool keepGaps = false) =>
        ProcedureRecord.SectionOf(field) is { } section && record.Field(section) is { } value ? StatedLines(value, keepGaps) : [];

    // Unasked, a time limit, fee or competent body stated in labelled rows (per filing channel: "Nộp trực tiếp: 01 ngày
    // làm việc" / "Nộp trực tuyến: 02 giờ"; per case: "Chỉ đăng ký đất đai: 17 ngày" / "Đăng ký và cấp giấy: 20 ngày";
    // per role: "Tiếp nhận: Ban chỉ huy quân sự cấp xã" / "Quyết định: Bộ chỉ huy quân sự cấp tỉnh") is said with its
    // first two rows in one line, when they fit: the first row alone hides the channel the person may use, the case
    // that is theirs, or who actually decides. Asked, its rows are lines of their own.
    private static List<string> Rows(AskedField field, List<string> stated)
    {
        if (field is not (AskedField.Time or AskedField.Fee or AskedField.Authority))
        {
            return stated;
        }

        // Said together in passing, a row loses a note at its end that only says it is the record's ("(theo bản ghi trên
        // Cơ sở dữ liệu quốc gia …)"): the citation says so. A note that qualifies the row ("(Nếu nộp hồ sơ tại Cơ quan
        // đại diện …)") stays.
        var rows = stated.Take(MaxRowsTogether).TakeWhile(IsRowStatingSomething).Select(l => TrimEnd(RecordsOwnNote().Replace(TrimEnd(Unbullet(l)), string.Empty))).ToList();
        return rows.Count < 2 || rows.Sum(r => r.Length + 2) > MaxLineCharacters
            ? stated
            : [$"{rows[0]}; {string.Join("; ", rows.Skip(1).Select(LowerFirst))}", .. stated.Skip(rows.Count)];
    }

    // A row's label is a few words ("Nộp trực tuyến", "Tiếp nhận"), not a clause that happens to hold a colon; a row
    // that only says the record does not state it ("Nộp trực tuyến: bản ghi không ghi mức phí") adds nothing.
    private static bool IsRowStatingSomething(string line) =>
        LabelledRow().Match(Unbullet(line)) is { Success: true } row &&
        TextAnalyzer.Syllables(row.Groups["label"].Value).Count() <= MaxRowLabelSyllables &&
        !DeclaredGaps.IsGap(line) && NotStated.All(gap => !VietnameseText.Fold(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..]).Trim().StartsWith(gap, StringComparison.OrdinalIgnoreCase));

    // How a row's value says the record does not give it (the corpus' "bản ghi không ghi …", the catalogue's "Không
    // có thông tin"), without diacritics.
    private static readonly string[] NotStated = ["ban ghi khong", "khong co thong tin"];

    private const int MaxRowLabelSyllables = 8;

    // Two rows say what the first alone hides (the other channel, who decides beside who receives); more make a line
    // no one reads in passing.
    private const int MaxRowsTogether = 2;

    // The lines of a section that state something; a section that is nothing but gaps has none.
    // A line that is nothing but a note in brackets ("(Theo bản ghi trên Cơ sở dữ liệu quốc gia …)") qualifies the line
    // before it and is said with it, not as an item of its own.
    private static List<string> StatedLines(string value, bool keepGaps = false)
    {
        var lines = new List<string>();
        foreach (var stated in value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => !DeclaredGaps.IsGap(l)))
        {
            var line = stated;
            // A line that states something and then what is not known ("Trực tuyến; … Cổng cụ thể: chưa có thông tin
            // chính thức") says its statement; what the sources lack has one line of its own. Not the item the answer
            // opens with, which the question asked first: what it does not give is part of that answer ("liệt kê các
            // đối tượng được hưởng": "… theo Nghị định 20/2021/NĐ-CP. Danh sách đầy đủ: chưa có thông tin chính thức").
            var sentences = Sentences(line);
            if (!keepGaps && sentences.Count > 1 && sentences.Any(DeclaredGaps.IsGap))
            {
                line = string.Join(' ', sentences.Where(s => !DeclaredGaps.IsGap(s)));
            }

            var note = Unbullet(line);
            if (lines.Count > 0 && note.StartsWith('(') && note.TrimEnd('.').EndsWith(')'))
            {
                lines[^1] = $"{TrimEnd(lines[^1])} ({LowerFirst(TrimEnd(note.TrimEnd('.').TrimEnd(')')[1..]))})";
                continue;
            }

            lines.Add(line);
        }

        return lines;
    }

    // A legal text as a sentence cites it: whole when short ("Nghị định 120/2025/NĐ-CP, Điều 4"); a long entry (the
    // catalogue's "140/2025/NĐ-CP: Quy định về phân định thẩm quyền …", up to several hundred characters) by its kind and
    // number, which is what an official looks it up by.
    private static string Cited(string basis)
    {
        var text = TrimEnd(Unbullet(basis));
        if (text.Length <= MaxCitedBasisCharacters)
        {
            return text;
        }

        // Of several numbers, the latest text's: a catalogue entry names the text it amends after its own ("02/2022/TT-…:
        // Sửa đổi … Thông tư số 07/2021/…"), and its rows are sometimes run together.
        if (DocumentNumber().Matches(text).OrderByDescending(m => Year(m.Value)).ThenBy(m => m.Index).FirstOrDefault() is { } number)
        {
            var named = TextKindBefore().Match(text[..number.Index]);
            var kind = named.Success ? named.Groups["kind"].Value : KindOf(number.Value);
            return kind is null ? number.Value : $"{kind} {number.Value}";
        }

        // "2338/QĐ-BTP: Hướng dẫn …": a number without its year, before the title.
        var colon = text.IndexOf(": ", StringComparison.Ordinal);
        return colon is > 0 and <= MaxBareNumberCharacters && text[..colon].Contains('/', StringComparison.Ordinal) && text[..colon].Any(char.IsDigit)
            ? (KindOf(text[..colon]) is { } bare ? $"{bare} {text[..colon]}" : text[..colon])
            : TrimEnd(Short(text));
    }

    private const int MaxBareNumberCharacters = 30;

    private const int MaxCitedBasisCharacters = 80;

    // The kind a text's number says it is: "…/NĐ-CP" a decree, "…/TT-…" a circular, "…/QĐ-…" a decision, "…/NQ-…" a
    // resolution; a National Assembly number ("…/QH15") is a law or a resolution, so none.
    private static string? KindOf(string number) =>
        number.Contains("/NĐ-", StringComparison.Ordinal) ? "Nghị định"
        : number.Contains("/TT-", StringComparison.Ordinal) || number.Contains("/TTLT-", StringComparison.Ordinal) ? "Thông tư"
        : number.Contains("/QĐ-", StringComparison.Ordinal) ? "Quyết định"
        : number.Contains("/NQ-", StringComparison.Ordinal) ? "Nghị quyết"
        : null;

    // The text before a number names its kind: "Nghị định số 157/2020/NĐ-CP", "Quyết định 2338/QĐ-BTP".
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<kind>Luật|Bộ luật|Nghị định|Nghị quyết|Thông tư liên tịch|Thông tư|Quyết định|Pháp lệnh|Công văn)(?: số)?\s*$")]
    private static partial System.Text.RegularExpressions.Regex TextKindBefore();

    // The text the record rests on that the question names, else the latest one (a 2025 decree over a 2014 law).
    private static string? LegalBasis(ProcedureRecord record, TermWeights weights)
    {
        var basis = record.Document.LegalBasis.Count > 0 ? record.Document.LegalBasis
            : record.Field(ProcedureRecord.LegalBasis) is { } text ? StatedLines(text).Select(Unbullet).ToList() : [];
        return basis.Select((b, i) => (b, i, Score: weights.Score(b), Year: Year(b)))
            .OrderByDescending(x => x.Score).ThenByDescending(x => x.Year).ThenBy(x => x.i)
            .Select(x => x.b).FirstOrDefault();
    }

    private static int Year(string reference)
    {
        var years = TextAnalyzer.Syllables(reference).Where(s => s.Length == 4 && s.All(char.IsDigit) && s.StartsWith('2')).Select(int.Parse).ToList();
        return years.Count == 0 ? 0 : years.Max();
    }

    // " (cấp xã)": which level the record is about, when it says and its title does not already ("Hỗ trợ dự án liên kết
    // (cấp xã)" is not named "(cấp xã) (cấp xã)").
    private static string Level(CorpusDocument document) =>
        document.Levels.Select(LevelName).Where(level => !document.Title.Contains(level, StringComparison.OrdinalIgnoreCase)).ToList() is { Count: > 0 } levels
            ? " (" + string.Join(", ", levels) + ")"
            : string.Empty;

    private static string LevelName(string level) => level switch
    {
        ProcedureLevels.Commune => "cấp xã",
        ProcedureLevels.Province => "cấp tỉnh",
        ProcedureLevels.Ministry => "cấp bộ",
        _ => "cơ quan khác",
    };

    // A clause ("1. ...") with its points ("a) ..."), a bullet, or a paragraph.
    private static List<string> Units(string text)
    {
        var units = new List<List<string>>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Trim().Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            // Points ("a) …") belong to their clause, and bullets to the line that opens them ("… gồm:").
            var isPoint = line.Length > 2 && char.IsLetter(line[0]) && line[1] == ')';
            var isListItem = line.StartsWith("- ", StringComparison.Ordinal) && units.Count > 0 && units[^1][0].EndsWith(':');
            if (units.Count == 0 || !(isPoint || isListItem))
            {
                units.Add([]);
            }

            units[^1].Add(line.Trim());
        }

        return units.Select(u => string.Join('\n', u)).ToList();
    }

    private static List<string> Sentences(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '.' && (i + 1 == text.Length || text[i + 1] == ' ') && !(i > 0 && char.IsDigit(text[i - 1]) && i + 1 < text.Length && char.IsDigit(text[Math.Min(i + 1, text.Length - 1)])))
            {
                sentences.Add(text[start..(i + 1)].Trim());
                start = i + 1;
            }
        }

        if (start < text.Length && text[start..].Trim().Length > 0)
        {
            sentences.Add(text[start..].Trim());
        }

        return sentences.Count == 0 ? [text] : sentences;
    }

    // An item's lines as many as one line can say, in the record's order: its first line, which states the item, then
    // those that speak to the question before the rest ("online thì có phải chụp ảnh lại không": the online channel's
    // line after the counter's, though a third line stands between them).
    private static List<string> Spoken(List<string> stated, TermWeights weights)
    {
        var speaking = stated.Select((line, i) => (line, i, Score: weights.Score(line)))
            .Where(x => x.i > 0 && (x.Score >= weights.RelatedLineThreshold || weights.HoldsTheRarest(x.line)))
            .OrderByDescending(x => x.Score).Select(x => x.i);
        // Lengths as the line says them (Compact): without bullet, number or closing stop.
        var said = stated.ConvertAll(l => TrimEnd(Unnumbered(l)).Length);
        var kept = new SortedSet<int>();
        var length = 0;
        bool Fits(int i) => kept.Count == 0 || length + 2 + said[i] <= MaxLineCharacters;
        foreach (var i in speaking.Prepend(0).Where(i => i < stated.Count))
        {
            if (Fits(i))
            {
                kept.Add(i);
                length += said[i] + (kept.Count == 1 ? 0 : 2);
            }
        }

        // The rest in order, up to the first that does not fit, as an item's lines are said when none speaks to the question.
        foreach (var i in Enumerable.Range(0, stated.Count).Where(i => !kept.Contains(i)))
        {
            if (!Fits(i))
            {
                break;
            }

            kept.Add(i);
            length += said[i] + 2;
        }

        return [.. kept.Select(i => stated[i])];
    }

    // A section's lines in one line, as many whole items as fit ("Tờ khai …; Giấy xác nhận …"), at least the first.
    private static string Compact(List<string> stated, int budget = MaxLineCharacters)
    {
        var items = stated.Select(l => TrimEnd(Unnumbered(l))).Where(l => l.Length > 0).ToList();
        var joined = items.Count == 0 ? "" : items[0];
        foreach (var item in items.Skip(1))
        {
            if (joined.Length + 2 + item.Length > budget)
            {
                break;
            }

            // A list item that ends in its own joining word ("…; hoặc") keeps it as the join.
            var ownJoin = JoiningWord().Match(joined);
            joined = ownJoin.Success ? $"{joined[..ownJoin.Index]}; {ownJoin.Groups[1].Value} {LowerFirst(item)}" : $"{joined}; {item}";
        }

        return JoiningWord().Replace(joined, string.Empty);
    }

    private static string First(string value) => value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault(l => !DeclaredGaps.IsGap(l)) ?? value;

    // A numbered step keeps its number only inside the full list of steps: shown alone, "4." would look like a gap.
    // With the question's weights, a line too long to say whole keeps the clauses that speak to it (Focused).
    private static string Bullet(string line, bool keepNumber, TermWeights? weights = null)
    {
        var trimmed = line.Trim();
        var numbered = keepNumber && Unnumbered(trimmed) != trimmed;
        var body = numbered ? trimmed : Unnumbered(trimmed);
        var shown = weights is not null && Focused(body, weights) is { } focused ? focused : Short(body);
        return numbered ? shown : "- " + shown;
    }

    // A line longer than a line's length and its stretch keeps its first clause and, in their order, those of its other
    // clauses that speak to the question, within that length and stretch; the clauses left out are marked "…". Cutting such
    // a line at its length lost what was asked when it came late ("Trong ngày; … nhiều bản thì không quá 02 ngày làm
    // việc" for forty copies). Null when the line is short enough, or no later clause speaks to the question.
    private static string? Focused(string line, TermWeights weights)
    {
        if (line.Length <= MaxFocusedCharacters)
        {
            return null;
        }

        var clauses = ClauseBoundary().Split(line).Where(c => c.Length > 0).ToList();
        var bar = weights.RelatedLineThreshold;
        var speaking = clauses.Select((c, i) => (c, i, Score: weights.Score(c))).Skip(1).Where(x => x.Score >= bar).OrderByDescending(x => x.Score).ToList();
        if (clauses.Count < 2 || speaking.Count == 0)
        {
            return null;
        }

        var kept = new SortedSet<int> { 0 };
        var length = clauses[0].Length;
        foreach (var (clause, i, _) in speaking)
        {
            if (length + clause.Length <= MaxFocusedCharacters)
            {
                kept.Add(i);
                length += clause.Length;
            }
        }

        if (kept.Count == 1)
        {
            return null;
        }

        var text = new StringBuilder();
        var previous = -1;
        foreach (var i in kept)
        {
            text.Append(i > previous + 1 ? " … " : previous >= 0 ? " " : string.Empty).Append(clauses[i].Trim());
            previous = i;
        }

        return previous < clauses.Count - 1 ? text.Append(" …").ToString() : text.ToString();
    }

    private const int MaxFocusedCharacters = MaxLineCharacters + (MaxLineCharacters / 2);

    // Where one clause of a line ends and the next begins: after a full stop or a semicolon and the space after it.
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=[.;])\s+(?=\S)")]
    private static partial System.Text.RegularExpressions.Regex ClauseBoundary();

    private static string Unnumbered(string line)
    {
        var trimmed = Unbullet(line);
        var dot = trimmed.IndexOf('.', StringComparison.Ordinal);
        return dot is > 0 and < 4 && trimmed[..dot].All(char.IsDigit) ? trimmed[(dot + 1)..].Trim() : trimmed;
    }

    // A clause said inside a sentence of the answer: without its bullet, number or step label ("+ Bước 1: người nộp
    // thuế … chậm nhất vào ngày 20 …", as the catalogue writes its steps).
    private static string Clause(string line) => StepLabel().Replace(Unnumbered(Unbullet(line).TrimStart('+', ' ')), string.Empty);

    [System.Text.RegularExpressions.GeneratedRegex(@"^Bước\s*\d+\s*[.:]\s*")]
    private static partial System.Text.RegularExpressions.Regex StepLabel();

    private static string Unbullet(string line) => line.TrimStart('-', '*', ' ').Trim();

    // A line of an answer: a clause that ends within half as much again is kept whole, not cut inside a name.
    private static string Short(string line) => TextExcerpt.Shorten(line, MaxLineCharacters, MaxLineCharacters / 2);

    private static string TrimEnd(string text) => text.Trim().TrimEnd('.', ';', ':', ' ');

    // A line that ends on "hoặc", "và" or a comma goes on in the lines after it.
    private static bool GoesOn(string line) =>
        TrimEnd(line) is var trimmed && (trimmed.EndsWith(" hoặc", StringComparison.Ordinal) || trimmed.EndsWith(" và", StringComparison.Ordinal) || trimmed.EndsWith(',') || line.TrimEnd().EndsWith(';'));

    private static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLower(text[0], CultureInfo.GetCultureInfo("vi-VN")) + text[1..];

    private static bool SpeaksOfTheDeadline(IEnumerable<string> said) =>
        said.Any(line => VietnameseText.Fold(line).ToLowerInvariant() is var folded && InTimeOrLate.Any(w => folded.Contains(w, StringComparison.Ordinal)));

    // How the records say a person acted in time or late, without diacritics.
    private static readonly string[] InTimeOrLate = ["dung han", "qua han", "tre han", "dung thoi han", "qua thoi han"];

    [System.Text.RegularExpressions.GeneratedRegex(@"\s*\([Tt]heo bản ghi[^()]*\)$")]
    private static partial System.Text.RegularExpressions.Regex RecordsOwnNote();

    // A labelled row: a short label, a colon, what it states.
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<label>[^:;.()]{2,60}):\s+\S")]
    private static partial System.Text.RegularExpressions.Regex LabelledRow();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d+\.|[Bb]ước \d+)")]
    private static partial System.Text.RegularExpressions.Regex Step();

    [System.Text.RegularExpressions.GeneratedRegex(@"^Điều \d+[a-zđ]?\.")]
    private static partial System.Text.RegularExpressions.Regex ArticleHeading();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b\d{1,2}/\d{1,2}/\d{4}\b")]
    private static partial System.Text.RegularExpressions.Regex Date();

    // A text's number: "142/2025/NĐ-CP", "72/2025/QH15".
    [System.Text.RegularExpressions.GeneratedRegex(@"\b\d+/\d{4}/[\p{L}\d]+(?:-[\p{L}\d]+)*")]
    private static partial System.Text.RegularExpressions.Regex DocumentNumber();

    [System.Text.RegularExpressions.GeneratedRegex(@"[;,]?\s+(hoặc|và)$")]
    private static partial System.Text.RegularExpressions.Regex JoiningWord();
}

/// <summary>A composed reply: its text and the chunks its markers point to.</summary>
internal sealed record ComposedReply(string Text, IReadOnlyList<ChunkHit> Sources)
{
    /// <summary>
    /// Sources that are not passages of the index (the commune mapping's resolutions), cited after <see cref="Sources"/>;
    /// their <see cref="Citation.ChunkId"/> is empty and their snippet is the line they support.
    /// </summary>
    public IReadOnlyList<Citation> Attributions { get; init; } = [];
}
