using System.Text;

namespace ProcedureAssistant.Lab.Evaluation;

/// <summary>
/// A BEIR folder asked as a QA set: each judged query is an answerable question whose expected documents are its
/// relevant records, and each question of an unanswerable file (BEIR query layout, about procedures the corpus does
/// not hold) is one the service must refuse. The corpus is written as corpus files (procedure records in their
/// canonical sections, <see cref="BeirProcedureRecord"/>) so that the run ingests it as the service ingests a corpus.
/// </summary>
public static class BeirAnswerSet
{
    /// <summary>The tag of the questions that come from an unanswerable file.</summary>
    public const string UnanswerableTag = "not-in-corpus";

    /// <summary>The id a corpus document of the set gets in the index.</summary>
    public static string DocumentId(BeirDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return BeirProcedureRecord.IsRecord(document) ? "tthc-" + document.Id : document.Id;
    }

    /// <summary>The questions: the judged queries (answerable), then the unanswerable ones.</summary>
    public static IReadOnlyList<QaItem> Questions(BeirDataset dataset, IReadOnlyList<BeirQuery> unanswerable)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(unanswerable);
        var ids = dataset.Corpus.ToDictionary(d => d.Id, DocumentId, StringComparer.Ordinal);
        var items = dataset.Queries
            .Where(q => dataset.Relevant.ContainsKey(q.Id))
            .Select(q => new QaItem
            {
                Id = q.Id,
                Question = q.Text,
                ExpectedDocuments = dataset.Relevant[q.Id].Select(id => ids.GetValueOrDefault(id, id)).ToList(),
                ExpectedRefs = dataset.Relevant[q.Id].ToList(),
            })
            .ToList();
        items.AddRange(unanswerable.Select(q => new QaItem { Id = q.Id, Question = q.Text, Answerable = false, Tags = [UnanswerableTag] }));
        return items;
    }

    /// <summary>Writes every corpus document of the set into <paramref name="folder"/> as a corpus file.</summary>
    public static async Task WriteCorpusAsync(BeirDataset dataset, string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        Directory.CreateDirectory(folder);
        var number = 0;
        foreach (var document in dataset.Corpus)
        {
            var text = BeirProcedureRecord.IsRecord(document) ? BeirProcedureRecord.ToMarkdown(document, document.Url) : Regulation(document);
            await File.WriteAllTextAsync(Path.Combine(folder, $"{++number:00000}.md"), text, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Regulation(BeirDocument document)
    {
        var title = string.IsNullOrWhiteSpace(document.Title) ? document.Id : document.Title.Trim();
        return $"---\nid: {BeirProcedureRecord.Quoted(document.Id)}\ntype: regulation\ntitle: {BeirProcedureRecord.Quoted(title)}\n---\n\n{document.Text.Trim()}\n";
    }
}
