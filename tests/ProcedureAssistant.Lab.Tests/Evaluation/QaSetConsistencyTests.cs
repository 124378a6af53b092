using System.Text;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Tests.Fakes;
using ProcedureAssistant.Core.Text;
using ProcedureAssistant.Lab.Evaluation;

namespace ProcedureAssistant.Lab.Tests.Evaluation;

/// <summary>
/// The QA set (<c>eval/questions.jsonl</c>) agrees with the corpus and with its own rules (<c>eval/README.md</c>):
/// an eval item that cannot be right scores the system wrongly, so these run with every build.
/// </summary>
public sealed class QaSetConsistencyTests : IClassFixture<QaSetConsistencyTests.Data>
{
    private static readonly string[] DistrictLevelWords = ["huyen", "quan", "thi xa"];

    private readonly Data _data;

    public QaSetConsistencyTests(Data data) => _data = data;

    [Fact]
    public void Ids_AreSequentialAndUnique() =>
        Assert.Equal(Enumerable.Range(1, _data.Items.Count).Select(n => $"q{n:000}"), _data.Items.Select(i => i.Id));

    [Fact]
    public void ExpectedDocuments_ExistInTheCorpus() =>
        AssertNone(_data.Items.SelectMany(i => i.ExpectedDocuments.Where(d => !_data.Documents.ContainsKey(d)).Select(d => $"{i.Id}: {d}")));

    [Fact]
    public void ExpectedRefs_AreTheCodesAndNumbersOfTheExpectedDocuments() =>
        AssertNone(_data.Items
            .Select(i => (i.Id, Expected: i.ExpectedDocuments.Select(d => _data.Documents.GetValueOrDefault(d)).Select(d => d?.Code ?? d?.Number).OfType<string>().Order(StringComparer.Ordinal).ToList(), Actual: i.ExpectedRefs.Order(StringComparer.Ordinal).ToList()))
            .Where(x => !x.Expected.SequenceEqual(x.Actual))
            .Select(x => $"{x.Id}: refs [{string.Join(", ", x.Actual)}], documents give [{string.Join(", ", x.Expected)}]"));

    [Fact]
    public void KeyFacts_OccurInAnExpectedDocument_AfterNormalisation() =>
        AssertNone(_data.Items.SelectMany(i => i.KeyFacts
            .Where(fact => !i.ExpectedDocuments.Any(d => _data.Documents.TryGetValue(d, out var document) && QaEvaluator.KeyFactCoverage(document.Body, [fact]) == 1))
            .Select(fact => $"{i.Id}: '{fact}' is in none of {string.Join(", ", i.ExpectedDocuments)}")));

    [Fact]
    public void KeyFacts_AreShort() =>
        AssertNone(_data.Items.SelectMany(i => i.KeyFacts.Where(f => f.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is 0 or > 8).Select(f => $"{i.Id}: '{f}'")));

    [Fact]
    public void Answerable_HasDocumentsAndOneToThreeKeyFacts_UnanswerableHasNeither() =>
        AssertNone(_data.Items
            .Where(i => i.Answerable ? i.ExpectedDocuments.Count is 0 or > 2 || i.KeyFacts.Count is 0 or > 3 : i.ExpectedDocuments.Count > 0 || i.KeyFacts.Count > 0)
            .Select(i => $"{i.Id}: answerable={i.Answerable}, {i.ExpectedDocuments.Count} documents, {i.KeyFacts.Count} key facts"));

    [Fact]
    public void Unanswerable_IsTaggedSo_WithExactlyOneKind() =>
        AssertNone(_data.Items
            .Where(i => i.Tags.Contains("unanswerable") == i.Answerable ||
                        (!i.Answerable && i.Tags.Count(t => t is "out-of-domain" or "not-in-corpus") != 1) ||
                        (i.Answerable && i.Tags.Any(t => t is "out-of-domain" or "not-in-corpus")))
            .Select(i => $"{i.Id}: answerable={i.Answerable}, tags [{string.Join(", ", i.Tags)}]"));

    [Fact]
    public void FollowUps_PointToAnEarlierLine_AndAreTaggedExactlyThen()
    {
        var earlier = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var item in _data.Items)
        {
            if (item.Previous is not null && !earlier.Contains(item.Previous))
            {
                problems.Add($"{item.Id}: previous question is not an earlier line");
            }

            if (item.Tags.Contains("follow-up") != (item.Previous is not null))
            {
                problems.Add($"{item.Id}: tagged follow-up={item.Tags.Contains("follow-up")}, previous={(item.Previous is null ? "null" : "set")}");
            }

            earlier.Add(item.Question);
        }

        AssertNone(problems);
    }

    [Fact]
    public void Unaccented_IsTaggedExactlyWhenTheQuestionHasNoDiacritics() =>
        AssertNone(_data.Items
            .Where(i => i.Tags.Contains("unaccented") == VietnameseText.HasDiacritics(i.Question))
            .Select(i => $"{i.Id}: tagged unaccented={i.Tags.Contains("unaccented")}: {i.Question}"));

    [Fact]
    public void OldWording_NamesADistrictLevelBody() =>
        AssertNone(_data.Items
            .Where(i => i.Tags.Contains("old-wording") && !DistrictLevelWords.Any(w => Folded(i.Question).Contains(" " + w + " ", StringComparison.Ordinal)))
            .Select(i => $"{i.Id}: tagged old-wording but names no huyện, quận or thị xã: {i.Question}"));

    [Fact]
    public void Tags_AreFromTheDocumentedList()
    {
        string[] known = ["unaccented", "typo", "everyday", "follow-up", "old-wording", "unanswerable", "out-of-domain", "not-in-corpus"];
        AssertNone(_data.Items.SelectMany(i => i.Tags.Where(t => !known.Contains(t)).Select(t => $"{i.Id}: {t}")));
    }

    [Fact]
    public void PersonasAndText_AreWellFormed() =>
        AssertNone(_data.Items
            .Where(i => i.Persona is not ("citizen" or "official") || !i.Question.IsNormalized(NormalizationForm.FormC) || i.Question.Trim().Length == 0)
            .Select(i => $"{i.Id}: persona '{i.Persona}' or question not NFC / empty"));

    private static string Folded(string text) => " " + string.Join(' ', TextAnalyzer.Syllables(text).Select(VietnameseText.Fold)) + " ";

    private static void AssertNone(IEnumerable<string> problems)
    {
        var list = problems.ToList();
        Assert.True(list.Count == 0, $"{list.Count} problem(s) in eval/questions.jsonl:\n" + string.Join('\n', list));
    }

    /// <summary>The QA set and the corpus it is judged against, read once for all tests.</summary>
    public sealed class Data : IAsyncLifetime
    {
        public IReadOnlyList<QaItem> Items { get; private set; } = [];

        public IReadOnlyDictionary<string, CorpusDocument> Documents { get; private set; } = new Dictionary<string, CorpusDocument>();

        public async ValueTask InitializeAsync()
        {
            var root = SharedData.RepositoryRoot;
            Items = await QaEvaluator.LoadAsync(Path.Combine(root, "eval", "questions.jsonl"), TestContext.Current.CancellationToken);
            var corpus = await new CorpusReader(new MarkdownDocumentParser()).ReadAsync(Path.Combine(root, "corpus"), TestContext.Current.CancellationToken);
            Assert.Empty(corpus.Failures);
            Documents = corpus.Documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
