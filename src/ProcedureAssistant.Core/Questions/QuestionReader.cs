using System.Text.RegularExpressions;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Queries;
using ProcedureAssistant.Core.Retrieval;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Questions;

/// <summary>
/// Reads a question once, into the <see cref="QuestionReading"/> every later step uses: the text as meant (shorthand
/// expanded, misspelt syllables corrected against the index's vocabulary), the follow-up resolved against the
/// conversation's previous question, the search terms (diacritics restored for a question typed without them), the
/// items of a procedure asked for, what kind of question it is, the document numbers, place and level it names.
/// Word lists come from the data files (<see cref="QuestionCues"/>). Thread-safe.
/// </summary>
public sealed partial class QuestionReader(TextAnalyzer analyzer, QueryNormalizer normalizer, IndexVocabulary vocabulary, DocumentCatalog catalog, Retriever retriever, QuestionCues cues)
{
    /// <summary>Most words between "những" and the "gì" or "nào" that make it ask for a list.</summary>
    private const int MaxListWordsApart = 5;

    /// <summary>A question with at most this many syllables of its own topic leans on the conversation's previous question.</summary>
    public const int MaxFollowUpSyllables = 3;

    // A follow-up whose own words name a document this fully ("thế còn đăng ký kết hôn?", "còn Luật 65/2025 thì sao")
    // has a topic of its own and is searched on its own words; "thế có giới hạn tối đa không?" names none.
    private const double NamesOwnTopic = 0.5;

    // A turn after the service asked which procedure was meant that asks something and holds this share of another
    // procedure's name, more of it than of any offered one's, is a new question: "chứng thực giấy tờ ở xã hết bao nhiêu
    // tiền" after the building permit's changes were offered. The share is rule 7's: a third of a name says what a
    // question is about. A turn that only tells is the reply, whatever names its story touches ("giấy sắp hết hạn mà
    // đề tài chưa xong, xin thêm thời gian" is no building permit's extension).
    private const double NamesAnotherThanOffered = 1.0 / 3;

    // The words the texts name a suspension and a closing by.
    private const string Suspension = "tạm ngừng";
    private const string Closing = "chấm dứt";

    // Words that negate what follows, and how far before a question word one makes it an indefinite ("không đổi gì").
    private static readonly HashSet<string> Negations = new(["khong", "chang", "cha", "chua", "ko"], StringComparer.Ordinal);
    private const int MaxWordsAfterNegation = 4;

    /// <summary>A clause of at most this many syllables that asks yes or no is a tag on the clauses before it ("có đúng vậy không").</summary>
    private const int MaxTagSyllables = 4;

    // A negation of knowing leaves the question word asking ("không biết nộp ở đâu", "chưa rõ mất bao lâu").
    private static readonly HashSet<string> KnowingWords = new(["biet", "ro", "hieu"], StringComparer.Ordinal);

    private static readonly string[] CommuneWords = ["xa", "phuong", "thi tran", "dac khu"];

    /// <summary>Reads a question that has no conversation before it.</summary>
    public Task<QuestionReading> ReadAsync(string question, CancellationToken cancellationToken = default) =>
        ReadAsync(question, previous: null, cancellationToken);

    /// <summary>Reads a question; <paramref name="previous"/> is what its conversation remembers of the question before, if any.</summary>
    public Task<QuestionReading> ReadAsync(string question, ConversationTurn? previous, CancellationToken cancellationToken = default) =>
        ReadAsync(question, previous, asFollowUp: false, cancellationToken);

    /// <summary>Reads a question; <paramref name="asFollowUp"/> reads it against <paramref name="previous"/> whatever its own words.</summary>
    public async Task<QuestionReading> ReadAsync(string question, ConversationTurn? previous, bool asFollowUp, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        var text = normalizer.Normalize(question, await vocabulary.CurrentAsync(cancellationToken).ConfigureAwait(false));
        // The syllables with their diacritics: a subject outside local government is named only in its own words
        // ("trận đấu", not the oil spill's "tràn dầu"); folded, for the phrase lists, syllable for syllable.
        var written = TextAnalyzer.Syllables(text).ToArray();
        var syllables = Array.ConvertAll(written, VietnameseText.Fold);

        // The words as typed, case and marks kept (names, titles and level words are read from them); where they line
        // up with the syllables, word i is syllable i.
        var typed = Words().Matches(text).Select(m => m.Value).ToArray();

        var fieldCues = cues.Fields.Find(syllables);
        var forms = cues.Forms.Find(syllables);
        var place = Place(typed, syllables);
        var (stops, stopLength) = cues.StopLengthIn(written, syllables);

        // Words that say which item is asked, or where, say nothing about which document answers.
        var notTopic = Terms(syllables, fieldCues.Select(m => (m.Start, m.Length)));

        var opener = cues.Forms.Prefix(syllables, QuestionForm.FollowUp);
        notTopic.UnionWith(Terms(syllables, [(0, opener)]));

        if (place?.NamedProvince is { } province)
        {
            notTopic.UnionWith(TopicTerms.All(province));
        }

        // Names and numbers no text holds ("khu đô thị Đại Thanh", "Tiktok", "năm 2026", "Quyết định 863") are the
        // asker's context, not what the question is about: a text is not judged on them.
        var statistics = await catalog.CurrentAsync(cancellationToken).ConfigureAwait(false);
        notTopic.UnionWith(UnknownNames(typed, syllables, statistics));

        var ownTopic = TopicTerms.Of(analyzer, text);
        ownTopic.ExceptWith(notTopic);
        var ownBeyondCues = ownTopic.Except(CueExpansions(text, syllables, notTopic)).ToHashSet(StringComparer.Ordinal);
        var ownSyllables = ownBeyondCues.Where(t => !t.Contains(' ', StringComparison.Ordinal) && !t.All(char.IsDigit)).ToList();
        var refersBack = forms.Any(f => f.Key is QuestionForm.RefersBack or QuestionForm.PaperBack);
        var isYesNo = IsYesNo(syllables, forms);
        var clauses = Clauses(text);
        var asksNothing = AsksNothing(text, written, clauses, forms, isYesNo);
        // A question that opens a new subject by the way ("nhân tiện, nên mua xe nào") leans on nothing before it, however few its words.
        var byTheWay = cues.ByTheWay.Find(syllables).Any();
        var isFollowUp = previous is not null && (asFollowUp || (!byTheWay && (opener > 0 || refersBack || asksNothing || ownSyllables.Count <= MaxFollowUpSyllables || previous.AskedWhichProcedure || previous.OptionsOffered.Count > 0)));

        // "giấy đó xin ở đâu" after an answer that named one other procedure for a paper ("xem thủ tục “Cấp Giấy xác nhận
        // tình trạng hôn nhân”") is about that procedure: it is searched by its title.
        var paperNamedBefore = previous?.ProceduresNamed is [var named] && forms.Any(f => f.Key == QuestionForm.PaperBack) ? named : null;
        var changesTopic = paperNamedBefore is not null ||
            (isFollowUp && !asFollowUp && ownTopic.Count > 0 && !RepliesToTheAskBack(previous, asksNothing) && statistics.NamesADocument(ownBeyondCues, NamesOwnTopic)) ||
            (!asFollowUp && !asksNothing && LeavesTheOptions(previous, ownBeyondCues, statistics));
        var searchText = paperNamedBefore is not null ? paperNamedBefore + " " + text
            : isFollowUp && !changesTopic ? previous!.Topic + " " + text
            : text;

        // An item asked with a question word leads over one only mentioned ("giấy xin ở xã mất mấy ngày" asks the time).
        // Where none is, a yes/no question asks about the item nearest its end; the ones before are the asker's story
        // ("sao y 40 bộ giấy tờ để nộp hồ sơ xin việc, có lấy liền trong ngày không" asks the time, not the papers).
        var cuesAsked = fieldCues.Select(m => (Cue: m, Asked: AskedWithAQuestionWord(syllables, m))).ToList();
        var lastLeads = isYesNo && !cuesAsked.Any(c => c.Asked);
        var fields = cuesAsked
            .OrderByDescending(c => c.Asked)
            .ThenBy(c => lastLeads ? -c.Cue.Start : c.Cue.Start)
            .Select(c => c.Cue.Key).Distinct().ToList();
        var askedOutright = cuesAsked.Where(c => c.Asked).Select(c => c.Cue.Key).Distinct().ToList();
        // A turn that asks nothing asks again what the question before asked; the items it mentions come after.
        var carriedOver = isFollowUp && (fields.Count == 0 || asksNothing) && previous!.Fields.Count > 0;
        if (carriedOver)
        {
            fields = [.. previous!.Fields, .. fields.Except(previous!.Fields)];
        }

        var level = Level(syllables);
        // A stop that does not say how long is searched for both its procedures, which the everyday words ("quán cơm
        // nhà em muốn nghỉ") reach at most one of.
        var stopsWithoutSayingHowLong = stops && stopLength is null;
        var stopsSayingHowLong = stops && stopLength is not null;
        // One that says how long ("đóng quán chừng ba tháng", "dẹp hẳn tiệm rồi") is searched with the words the texts
        // name that stop by: the everyday ones reach the founding record as easily.
        var searched = stopsWithoutSayingHowLong ? $"{searchText} {Suspension} {Closing}"
            : stopsSayingHowLong ? $"{searchText} {(stopLength == StopLength.ForAWhile ? Suspension : Closing)}"
            : searchText;
        var terms = await retriever.AnalyzeAsync(searched, cancellationToken).ConfigureAwait(false);
        var filter = new SearchFilter { Province = ProvinceKey.Of(place?.Province), Levels = level is null ? [] : [level] };
        var topic = TopicTerms.Of(analyzer, searchText);
        topic.ExceptWith(notTopic);
        return new QuestionReading
        {
            Asked = question,
            Text = text,
            SearchText = searchText,
            IsFollowUp = isFollowUp,
            AsksNothing = asksNothing,
            ChangesTopic = changesTopic,
            FollowsDocument = isFollowUp && !changesTopic ? previous!.DocumentId : null,
            Terms = filter.IsEmpty ? terms : terms with { Filter = filter },
            TopicTerms = topic,
            OwnTopicTerms = ownTopic,
            Fields = fields,
            FieldsCarriedOver = carriedOver,
            FieldsAskedOutright = askedOutright,
            IsYesNo = isYesNo,
            AsksIfEligible = forms.Any(f => f.Key == QuestionForm.Eligibility),
            OptionsOffered = isFollowUp && !changesTopic ? previous!.OptionsOffered : [],
            AsksToRedo = forms.Any(f => f.Key == QuestionForm.Redo) && !forms.Any(f => f.Key == QuestionForm.Modifier),
            StopsWithoutSayingHowLong = stopsWithoutSayingHowLong,
            StopsSayingHowLong = stopsSayingHowLong,
            SaysHowLongAStopLasts = stopLength,
            AsksForAList = forms.Any(f => f.Key == QuestionForm.List) || AsksWhichOnes(written, syllables),
            // The reply to the service's question which procedure was meant ("dạ muốn sửa bản vẽ") asks what the question
            // before did, the whole procedure included.
            AsksWholeProcedure = (forms.Any(f => f.Key == QuestionForm.Whole) && fields.All(f => f == AskedField.Steps)) ||
                (isFollowUp && !changesTopic && asksNothing && fields.Count == 0 && previous!.OptionsOffered.Count > 0 && previous.AskedWholeProcedure),
            ExpectsDate = forms.Any(f => f.Key is QuestionForm.Date || TextDateOf(f.Key) is not null),
            DatesOfTextAsked = forms.Any(f => f.Key is QuestionForm.TextKind or QuestionForm.RefersBack)
                ? [.. forms.Select(f => TextDateOf(f.Key)).OfType<TextDate>().Distinct()]
                : [],
            ExpectsNumber = forms.Any(f => f.Key is QuestionForm.Number or QuestionForm.UnitCount),
            CountedThings = CountedThings(syllables, [.. forms.Where(f => f.IsAsWritten(written))]),
            NumbersStated = [.. Number().Matches(text).Select(m => m.Value).Distinct(StringComparer.Ordinal)],
            UnitsStated = [.. Quantity().Matches(text).Select(UnitOf).Distinct(StringComparer.Ordinal)],
            AsksWhereAPlaceBelongsNow = forms.Any(f => f.Key == QuestionForm.UnitNow),
            NamesTheMerger = forms.Any(f => f.Key == QuestionForm.Merger),
            AsksTheNameOfAUnit = forms.Any(f => f.Key == QuestionForm.UnitName) ||
                (forms.Any(f => f.Key == QuestionForm.NameAsked) && forms.Any(f => f.Key == QuestionForm.Now)),
            AsksHowManyUnits = forms.Any(f => f.Key == QuestionForm.UnitCount),
            FollowsAPlaceLookup = previous?.LookedUpPlaces == true,
            PlacesLookedUpBefore = previous?.PlacesLookedUp ?? [],
            AsksForPersonalData = AsksForPersonalData(typed, syllables, forms),
            OffTopicSubjects = [.. cues.OffTopicSubjects.Find(syllables).Where(f => f.IsAsWritten(written)).Select(f => string.Join(' ', syllables.AsSpan(f.Start, f.Length).ToArray())).Distinct(StringComparer.Ordinal)],
            ContinuesAnAnswer = previous?.DocumentId is not null && !byTheWay,
            OpensWithACase = cues.Forms.Prefix(syllables, QuestionForm.Case) > 0,
            AsksWhichProcedure = cues.WhichProcedure.Find(syllables).Any(),
            NamedIdentifiers = Identifier().Matches(text).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList(),
            Place = place,
            Level = level,
            SpeaksOfTheCommuneOnly = SpeaksOfTheCommuneOnly(typed),
            NamedOffices = cues.Offices.Find(PhraseList<string>.Folded(AskingPart(text))).Select(m => m.Key).Distinct(StringComparer.Ordinal).ToList(),
            NamedChannels = cues.Channels.Find(PhraseList<string>.Folded(AskingPart(text))).Select(m => m.Key).Distinct(StringComparer.Ordinal).ToList(),
            ChannelsAskedAbout = ChannelsAskedAbout(clauses),
            NamedChanges = QuestionCues.ChangesIn(syllables, forms),
        };
    }

    // Which date of a legal text a question form asks, if any.
    private static TextDate? TextDateOf(QuestionForm form) => form switch
    {
        QuestionForm.TextSigned => TextDate.Issued,
        QuestionForm.TextInForce => TextDate.InForce,
        QuestionForm.TextEnds => TextDate.Ends,
        _ => null,
    };

    // The question without the sentences before it that end in a full stop: those tell the asker's situation ("Ngân
    // hàng đòi giấy xác nhận cư trú. Em xin ở công an xã nơi ở trọ được không?"), the rest asks.
    private static string AskingPart(string text) => StorySentence().Split(text)[^1];

    // Syllables of capitalised words after the first and of numbers that no text holds, with the pairs they are in.
    private static HashSet<string> UnknownNames(string[] original, string[] syllables, DocumentStatistics statistics)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (original.Length != syllables.Length)
        {
            return names;
        }

        for (var i = 0; i < syllables.Length; i++)
        {
            var isName = (i > 0 && char.IsUpper(original[i][0]) && original[i].Skip(1).Any(char.IsLower)) || original[i].All(char.IsDigit);
            if (isName && !statistics.IsKnown(syllables[i]))
            {
                names.Add(syllables[i]);
                if (i > 0)
                {
                    names.Add(syllables[i - 1] + " " + syllables[i]);
                }

                if (i + 1 < syllables.Length)
                {
                    names.Add(syllables[i] + " " + syllables[i + 1]);
                }
            }
        }

        return names;
    }

    // A turn that only tells, after the service asked which procedure was meant, is the reply, whatever names its story
    // touches ("Dạ nghỉ luôn em ơi, con cái lên thành phố hết rồi" after a suspension and a closing were offered).
    private static bool RepliesToTheAskBack(ConversationTurn? previous, bool asksNothing) =>
        asksNothing && previous is { OptionsOffered.Count: > 0 };

    // The turn after an ask-back names a procedure the service did not offer, better than it names any it did.
    private static bool LeavesTheOptions(ConversationTurn? previous, IReadOnlySet<string> ownTerms, DocumentStatistics statistics)
    {
        if (previous is not { OptionsOffered.Count: > 0 } || statistics.MostNamed(ownTerms) is not { } most || most.Share < NamesAnotherThanOffered)
        {
            return false;
        }

        return !previous.OptionsOffered.Any(o => statistics.NameMatch(o, ownTerms) >= most.Share);
    }

    // No question mark, question word, yes/no phrase, request, list or whole procedure asked: the turn only tells
    // ("dạ nó mua đất cất nhà trong đó ở luôn rồi, không về nữa", "nghỉ chừng ba tháng thôi, qua Tết mở lại").
    // A word typed with diacritics asks only as its own ("để lại vợ với hai đứa nhỏ" holds no "nhờ", "giấy cấp hồi
    // năm ngoái" no "hỏi").
    private bool AsksNothing(string text, string[] written, IReadOnlyList<Clause> clauses, IReadOnlyList<PhraseList<QuestionForm>.Match> forms, bool isYesNo) =>
        !text.Contains('?', StringComparison.Ordinal) && !isYesNo && !AsksHasOrNot(VietnameseText.Fold(text)) &&
        !AsksWithAQuestionWord(clauses) &&
        !forms.Any(f => (f.Key is QuestionForm.Request or QuestionForm.List or QuestionForm.Whole or QuestionForm.Lookup) && f.IsAsWritten(written));

    // A question word in a clause, as typed; one a few words after a negation is an indefinite and asks nothing
    // ("nội dung thì không đổi gì", "không ai phụ bán", "không đổi chút nào"), unless the negation is of knowing
    // ("không biết nộp ở đâu").
    private bool AsksWithAQuestionWord(IReadOnlyList<Clause> clauses)
    {
        foreach (var (written, folded) in clauses)
        {
            for (var i = 0; i < folded.Length; i++)
            {
                if (cues.Forms.IsPhrase(QuestionForm.QuestionWord, folded[i], written[i]) && !AfterANegation(folded, i))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // The channels named in the clauses that ask yes or no; a short clause that does ("có đúng vậy không", "phải
    // không") asks it of the clauses before it ("nghe nói làm trên VNeID một lần là xong hết, có đúng vậy không"), even
    // across a full stop, so the whole text is read, not only its asking part.
    private List<string> ChannelsAskedAbout(IReadOnlyList<Clause> clauses)
    {
        var asked = new List<string>();
        for (var i = 0; i < clauses.Count; i++)
        {
            var folded = clauses[i].Folded;
            if (IsYesNo(folded, cues.Forms.Find(folded)))
            {
                var about = folded.Length <= MaxTagSyllables ? clauses.Take(i + 1).Select(c => c.Folded) : [folded];
                asked.AddRange(about.SelectMany(c => cues.Channels.Find(c).Select(m => m.Key)));
            }
        }

        return [.. asked.Distinct(StringComparer.Ordinal)];
    }

    // A negation other than of knowing stands among the few words before syllable i.
    private static bool AfterANegation(string[] folded, int i)
    {
        for (var j = Math.Max(0, i - MaxWordsAfterNegation); j < i; j++)
        {
            if (Negations.Contains(folded[j]) && (j + 1 >= folded.Length || !KnowingWords.Contains(folded[j + 1])))
            {
                return true;
            }
        }

        return false;
    }

    // A clause of the question: its syllables as typed and folded.
    private readonly record struct Clause(string[] Written, string[] Folded);

    // The question's clauses that hold a syllable, split once for the reading's clause-wise questions.
    private static List<Clause> Clauses(string text) =>
        [.. ClauseMarks().Split(text)
            .Select(clause => TextAnalyzer.Syllables(clause).ToArray())
            .Where(written => written.Length > 0)
            .Select(written => new Clause(written, Array.ConvertAll(written, VietnameseText.Fold)))];

    // The marks that end a clause (as TopicTerms reads them: a full stop only before a space or the end).
    [GeneratedRegex(@"[,;:?!…]|\.(?=\s|$)")]
    private static partial Regex ClauseMarks();

    // "có … không" closing a clause asks yes or no wherever the clause stands ("mai trời có mưa to không, tính chở
    // thằng cu đi chơi", "có cần giấy gì không hay chỉ cần CCCD"); a "không" alone tells ("không về nữa"), and so
    // does one the clause goes on after ("có điều gần hết hạn mà chưa đổ móng được").
    private bool AsksHasOrNot(string folded) =>
        HasOrNot().Matches(folded).Any(m =>
        {
            var rest = folded[(m.Index + m.Length)..].Split([',', '.', ';', ':', '!', '?'])[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return rest.Length == 0 || rest[0] is "hay" or "thi" || rest.All(s => cues.Forms.IsPhrase(QuestionForm.Particle, s));
        });

    [GeneratedRegex(@"\bco\b[^,.;:!?]*\b(khong|chua)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HasOrNot();

    // "có mất tiền không", "… được không ạ?", "có phải … ": the question's last words (particles aside), or a yes/no phrase.
    private bool IsYesNo(string[] syllables, IReadOnlyList<PhraseList<QuestionForm>.Match> forms)
    {
        var end = syllables.Length;
        var particles = forms.Where(f => f.Key == QuestionForm.Particle).ToList();
        while (end > 0 && particles.Any(p => p.Start + p.Length == end))
        {
            end = particles.First(p => p.Start + p.Length == end).Start;
        }

        // A closing phrase of two words ("được không", "phải không") asks yes or no wherever it stands: "có được không,
        // làm đơn ở đâu" asks two things. A bare "không" or "chưa" does only at the end ("không có lương hưu").
        return forms.Any(f => f.Key is QuestionForm.YesNo or QuestionForm.Eligibility || (f.Key == QuestionForm.YesNoEnd && f.Length > 1)) || cues.Forms.EndsWith(syllables[..end], QuestionForm.YesNoEnd);
    }

    // The item's phrase holds a question word ("ở đâu"), or one stands within two words of it in the same clause
    // ("lệ phí là bao nhiêu", "ai có thẩm quyền"; not "làm online thì bao lâu", where the question word asks the time).
    private bool AskedWithAQuestionWord(string[] syllables, PhraseList<AskedField>.Match match)
    {
        var after = syllables.Skip(match.Start + match.Length).Take(QuestionWordReach).TakeWhile(s => s != ClauseBreak);
        var before = syllables.Take(match.Start).Reverse().Take(QuestionWordReach).TakeWhile(s => s != ClauseBreak);
        return syllables.Skip(match.Start).Take(match.Length).Concat(after).Concat(before).Any(s => cues.Forms.IsPhrase(QuestionForm.QuestionWord, s));
    }

    // "thì" opens the clause that asks: what comes before it is the asker's situation ("làm online thì bao lâu").
    private const string ClauseBreak = "thi";

    private const int QuestionWordReach = 2;

    // A person's contact or identity ("số điện thoại di động của ông …"), a list of people with theirs ("danh sách hộ
    // nghèo kèm số điện thoại"), a phrase that asks for private data by itself, or a request to look up another
    // person's records ("xem giúp con bé tên … có đăng ký tạm trú không", "tra giúp hồ sơ của con nhà hàng xóm").
    // A third party ("hàng xóm", "vợ cũ") or a person named by a title and a capitalised name ("bà Hoàng Thị Mai")
    // counts anywhere in a question that asks to look up or for a contact, in either order and at any distance ("bà …
    // ở xóm 5 đang nhận trợ cấp bao nhiêu, bạn tra giúp"); a bare title must follow the request, as it is often how
    // the asker addresses the service ("anh chị tra giúp em thủ tục …"). A citizen identity number typed in the question
    // is someone's records asked about, unless the question says it is the asker's own.
    private bool AsksForPersonalData(string[] typed, string[] syllables, IReadOnlyList<PhraseList<QuestionForm>.Match> forms)
    {
        // "số căn cước của tôi bị sai" is the asker's own: a procedure question, not a request for someone's data.
        var own = forms.Where(f => f.Key == QuestionForm.Self).Select(f => f.Start).ToHashSet();
        var contacts = forms.Where(f => f.Key == QuestionForm.Contact && !own.Contains(f.Start + f.Length)).ToList();
        // "tra giúp tôi thủ tục thừa kế" looks up a procedure, not a person's records.
        var lookups = forms.Where(f => f.Key == QuestionForm.Lookup && !LooksUpAProcedure(syllables, f.Start + f.Length)).ToList();
        var persons = forms.Where(f => f.Key is QuestionForm.Person or QuestionForm.ThirdParty).ToList();
        return forms.Any(f => f.Key == QuestionForm.Personal && !own.Contains(f.Start + f.Length)) ||
            (contacts.Count > 0 && forms.Any(f => f.Key == QuestionForm.PeopleList)) ||
            contacts.Any(contact => persons.Any(p => p.Start > contact.Start && p.Start <= contact.Start + contact.Length + PersonAfterContact)) ||
            lookups.Any(lookup => persons.Any(p => p.Start >= lookup.Start + lookup.Length && p.Start <= lookup.Start + lookup.Length + PersonAfterLookup)) ||
            ((contacts.Count > 0 || lookups.Count > 0) && (persons.Any(p => p.Key == QuestionForm.ThirdParty) || NamesAPerson(typed, syllables))) ||
            (own.Count == 0 && typed.Any(IdentityNumber().IsMatch));
    }

    private static bool LooksUpAProcedure(string[] syllables, int after) =>
        Enumerable.Range(after, ProcedureAfterLookup).Any(i => i + 1 < syllables.Length && syllables[i] == "thu" && syllables[i + 1] == "tuc");

    // How many words may stand between a request to look up and the procedure it is about ("tra giúp [tôi] thủ tục …").
    private const int ProcedureAfterLookup = 3;

    // A title followed by two capitalised words: "bà Hoàng Thị Mai", "anh Tran Van Binh" (a title is also a closing
    // particle, "… không anh", so it is looked for as a word, not among the forms found).
    private bool NamesAPerson(string[] original, string[] syllables) =>
        original.Length == syllables.Length && Enumerable.Range(0, Math.Max(0, syllables.Length - 2)).Any(i =>
            cues.Forms.IsPhrase(QuestionForm.Person, syllables[i]) && char.IsUpper(original[i + 1][0]) && char.IsUpper(original[i + 2][0]));

    // How many words may stand between a request to look up and the person it is about ("xem giúp [hồ sơ khai sinh
    // của con nhà] hàng xóm").
    private const int PersonAfterLookup = 8;

    // How many words may stand between a contact and the person it is of ("số điện thoại [di động của] ông").
    private const int PersonAfterContact = 4;

    // "xã", "phường" or "đặc khu" as typed, or "xa"/"phuong" in a question typed without diacritics, not in "xã hội" or
    // "hợp tác xã"; and no "tỉnh", "huyện", "trung ương" or "bộ" (unmarked "tinh"/"huyen" only after a word that makes
    // them a level: "cấp", "lên", "ở", "ubnd", "sở"; "tình trạng" is not one).
    private static bool SpeaksOfTheCommuneOnly(string[] typed)
    {
        var words = typed.Select(w => w.ToLowerInvariant()).ToArray();
        var unmarked = words.All(w => VietnameseText.Fold(w) == w);
        var commune = false;
        for (var i = 0; i < words.Length; i++)
        {
            var next = i + 1 < words.Length ? VietnameseText.Fold(words[i + 1]) : string.Empty;
            var before = i > 0 ? VietnameseText.Fold(words[i - 1]) : string.Empty;
            var isCommune = words[i] is "xã" or "phường" || (words[i] == "khu" && before == "dac") || (unmarked && words[i] is "xa" or "phuong");
            if (isCommune && next != "hoi" && before != "tac")
            {
                commune = true;
            }

            var isOther = words[i] is "tỉnh" or "huyện" or "bộ" || (words[i] == "ương" && before == "trung") ||
                (unmarked && words[i] is "tinh" or "huyen" && before is "cap" or "len" or "o" or "ubnd" or "so" or "ve");
            if (isOther)
            {
                return false;
            }
        }

        return commune;
    }

    // "tại cấp tỉnh", "ở cấp xã", "thực hiện tại cấp Trung ương": the one level a procedure is asked at. "UBND cấp xã",
    // "trung tâm cấp xã" name a body, not the level of a procedure; a question naming two levels asks which one.
    private static string? Level(string[] syllables)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < syllables.Length; i++)
        {
            if (syllables[i] == "cap" && syllables[i - 1] is "tai" or "o")
            {
                var level = syllables[i + 1] == "trung" ? ProcedureLevels.Ministry : ProcedureLevels.Parse(syllables[i + 1]);
                if (level is not null)
                {
                    named.Add(level);
                }
            }
        }

        return named.Count == 1 ? named.First() : null;
    }

    private NamedPlace? Place(string[] typed, string[] syllables)
    {
        var provinces = cues.Provinces.Find(syllables);
        var province = provinces.Count == 0 ? null : provinces[0];
        var commune = Commune(typed, syllables);
        if (province is null && commune is null)
        {
            return null;
        }

        var former = province is not null && province.Start + province.Length < syllables.Length && syllables[province.Start + province.Length] == "cu";
        var (named, now) = province?.Key ?? (null!, null!);
        return new NamedPlace(now, named, named is not null && !string.Equals(named, now, StringComparison.Ordinal), commune?.Name, former || commune?.Former == true);
    }

    // The name after "xã", "phường", "thị trấn" or "đặc khu" (not "cấp xã"): its capitalised words as typed, or the
    // words up to "cũ" in a question typed in lower case ("xa hoa phu cu giờ thuộc xã nào").
    private static (string Name, bool Former)? Commune(string[] original, string[] syllables)
    {
        if (original.Length != syllables.Length)
        {
            return null;
        }

        for (var i = 0; i < syllables.Length; i++)
        {
            var unit = CommuneWords.Select(w => w.Split(' ')).FirstOrDefault(w => i + w.Length <= syllables.Length && syllables.AsSpan(i, w.Length).SequenceEqual(w));
            if (unit is null || (i > 0 && syllables[i - 1] == "cap"))
            {
                continue;
            }

            var start = i + unit.Length;
            var capitalised = original.Skip(start).TakeWhile(w => char.IsUpper(w[0])).Take(3).ToList();
            var former = Array.IndexOf(syllables, "cu", start);
            if (capitalised.Count > 0)
            {
                var end = start + capitalised.Count;
                return (string.Join(' ', capitalised), end < syllables.Length && syllables[end] == "cu");
            }

            if (former > start && former - start <= 3)
            {
                return (string.Join(' ', original[start..former]), true);
            }
        }

        return null;
    }

    // The corpus' words for an everyday phrase that holds a word saying which item is asked ("nộp online" → "nộp trực
    // tuyến cổng dịch vụ công"), beyond the words typed: a question that only asks how to file and how long ("nếu nộp
    // online thì bao lâu xong") is a follow-up of what was just answered, not a new topic of five syllables that names
    // the guide on filing channels.
    private HashSet<string> CueExpansions(string text, string[] syllables, HashSet<string> cueTerms)
    {
        var typed = TopicTerms.All(string.Join(' ', syllables));
        return analyzer.SynonymsIn(text)
            .Where(s => TopicTerms.All(s.Phrase).Any(cueTerms.Contains))
            .SelectMany(s => TopicTerms.All(s.Expansion))
            .Where(t => !typed.Contains(t))
            .ToHashSet(StringComparer.Ordinal);
    }

    // The syllable after "bao nhiêu" or "mấy" (as written, not "máy"), past a classifier ("bao nhiêu cái là phân
    // định"): what the number asked counts.
    private static List<string> CountedThings(string[] syllables, IReadOnlyList<PhraseList<QuestionForm>.Match> forms) =>
        [.. forms.Where(f => f.Key == QuestionForm.Number && f.Written is ["bao", "nhiêu"] or ["mấy"])
            .Select(f => syllables.Skip(f.Start + f.Length).SkipWhile(Classifiers.Contains).FirstOrDefault())
            .OfType<string>().Distinct(StringComparer.Ordinal)];

    // Words that only say a thing is counted, without diacritics.
    private static readonly string[] Classifiers = ["cai", "chiec", "con"];

    private static HashSet<string> Terms(string[] syllables, IEnumerable<(int Start, int Length)> spans)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (start, length) in spans)
        {
            terms.UnionWith(TopicTerms.All(string.Join(' ', syllables.Skip(start).Take(length))));
        }

        return terms;
    }

    // "những việc gì", "những chức danh nào": the plural "những" asked with "gì" or "nào" a few words after it. Typed
    // without marks, "nhung" is also "nhưng" (but), which a question word may follow ("nhung gio lam gi"), so an
    // unmarked "nhung" counts only in a question typed without any marks.
    private static bool AsksWhichOnes(string[] written, string[] syllables)
    {
        var unmarked = written.SequenceEqual(syllables, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < syllables.Length; i++)
        {
            if (syllables[i] == "nhung" && (written[i].Equals("những", StringComparison.OrdinalIgnoreCase) || unmarked) &&
                syllables.Skip(i + 1).Take(MaxListWordsApart).Any(s => s is "gi" or "nao"))
            {
                return true;
            }
        }

        return false;
    }

    // The space after a sentence that ends with a full stop or "!" and has more text after it (a decimal point or a
    // code, "1.001193", has no space after it; an ellipsis is not a full stop).
    [GeneratedRegex(@"(?<=[^\s.][.!])\s+(?=\S)")]
    private static partial Regex StorySentence();

    // "118/2025/NĐ-CP", "118/2025", "1.001193".
    [GeneratedRegex(@"\b\d{1,4}/\d{4}(?:/[\p{L}\-]+)?|\b[1-3]\.\d{6}\b")]
    private static partial Regex Identifier();

    // A citizen identity number (12 digits from a leading 0; the last ones may be masked, "0010950xxxxx"): the question
    // is about one person's records, which no text holds and the service does not look up, unless it is the asker's
    // own ("số căn cước của tôi …").
    [GeneratedRegex(@"^0\d{5}[\dxX*]{6}$")]
    private static partial Regex IdentityNumber();

    // A number as written ("28", "6/2025", "1.000"): the question's own (NumbersStated), and those of the sentences an
    // answer weighs against them.
    [GeneratedRegex(@"\d+(?:[.,/]\d+)*")]
    internal static partial Regex Number();

    /// <summary>A number and the word written right after it ("nằm viện 10 ngày", "29 tuổi", "từ 07 ngày trở lên"); not a day of a date ("2/11").</summary>
    [GeneratedRegex(@"(?<![\d/.,])\d+(?:[.,]\d+)?\s*(%|\p{L}+)")]
    internal static partial Regex Quantity();

    /// <summary>The word after the number of a <see cref="Quantity"/>, folded and in lower case: "ngay" of "10 ngày".</summary>
    internal static string UnitOf(Match quantity) => VietnameseText.Fold(quantity.Groups[1].Value).ToLowerInvariant();

    // The same tokens as TextAnalyzer.Syllables, as typed.
    [GeneratedRegex(@"[\p{L}\p{N}\p{M}]+")]
    private static partial Regex Words();
}
