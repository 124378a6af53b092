using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Documents;

namespace ProcedureAssistant.Core.Chunking;

/// <summary>
/// Cuts documents along their legal structure (Phần / Chương / Mục / Điều / Khoản / Điểm) rather than by
/// token count: one chunk per article, or per clause when an article is long; a procedure record stays whole.
/// Every chunk carries its heading path.
/// </summary>
public sealed partial class LegalStructureChunker(IOptions<ChunkingOptions> options)
{
    private const int PartLevel = 1;
    private const int ChapterLevel = 2;
    private const int SectionLevel = 3;
    private const int ArticleLevel = 4;

    private readonly int _maxCharacters = options.Value.MaxChunkCharacters;

    /// <summary>Splits a document into chunks, in document order.</summary>
    public IReadOnlyList<Chunk> Split(CorpusDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var blocks = document.Type == DocumentType.Procedure
            ? [new Block([], Clean(document.Body, keepSectionHeadings: true), IsArticle: false)]
            : ReadBlocks(document.Body);

        var chunks = new List<Chunk>();
        foreach (var block in blocks)
        {
            foreach (var (headings, text) in SplitLong(block))
            {
                chunks.Add(new Chunk
                {
                    Id = $"{document.Id}#{chunks.Count}",
                    DocumentId = document.Id,
                    Ordinal = chunks.Count,
                    DocumentType = document.Type,
                    Title = document.Title,
                    Number = document.Number,
                    Code = document.Code,
                    Headings = headings,
                    Text = text,
                    Url = document.Source,
                    Levels = document.Levels,
                    Province = document.Province,
                });
            }
        }

        if (chunks.Count == 0)
        {
            // A document with only a title still has to be findable.
            chunks.Add(new Chunk
            {
                Id = $"{document.Id}#0",
                DocumentId = document.Id,
                Ordinal = 0,
                DocumentType = document.Type,
                Title = document.Title,
                Number = document.Number,
                Code = document.Code,
                Text = document.Title,
                Url = document.Source,
            });
        }

        return chunks;
    }

    private static List<Block> ReadBlocks(string body)
    {
        var blocks = new List<Block>();
        var stack = new List<(int Level, string Label, bool IsArticle)>();
        var lines = new List<string>();
        var hasContent = false;

        void Flush()
        {
            var text = Clean(string.Join('\n', lines), keepSectionHeadings: false);
            lines.Clear();
            if (!hasContent || text.Length == 0)
            {
                return; // a heading followed directly by a lower heading is not a chunk of its own
            }

            hasContent = false;

            var isArticle = stack.Count > 0 && stack[^1].IsArticle;
            blocks.Add(new Block(stack.Select(h => h.Label).ToList(), text, isArticle));
        }

        foreach (var rawLine in body.Split('\n'))
        {
            var line = rawLine.TrimEnd();
            if (ReadHeading(line) is not { } heading)
            {
                lines.Add(line);
                hasContent |= line.Trim().Length > 0;
                continue;
            }

            Flush();
            if (heading.Level == 0)
            {
                continue; // the document's own title
            }

            stack.RemoveAll(h => h.Level >= heading.Level);
            stack.Add((heading.Level, heading.Label, heading.IsArticle));
            if (heading.FullText != heading.Label)
            {
                // Keep the article's name in its text: it is often the best match for a question.
                lines.Add(heading.FullText);
            }
        }

        Flush();
        return blocks;
    }

    private static (int Level, string Label, bool IsArticle, string FullText)? ReadHeading(string line)
    {
        var markdown = MarkdownHeading().Match(line);
        var text = markdown.Success ? markdown.Groups["text"].Value.Trim().Trim('*').Trim() : line.Trim();
        if (markdown.Success && markdown.Groups["hashes"].Length == 1)
        {
            return (0, text, false, text);
        }

        var structural = StructuralHeading().Match(text);
        if (structural.Success && markdown.Success)
        {
            var kind = structural.Groups["kind"].Value;
            var label = $"{kind} {structural.Groups["number"].Value}";
            var level = kind switch
            {
                "Phần" => PartLevel,
                "Chương" => ChapterLevel,
                "Mục" => SectionLevel,
                _ => ArticleLevel,
            };
            return (level, label, level == ArticleLevel, text);
        }

        if (markdown.Success)
        {
            var depth = markdown.Groups["hashes"].Length;
            return (Math.Min(depth, ArticleLevel), text, false, text);
        }

        return null;
    }

    private IEnumerable<(IReadOnlyList<string> Headings, string Text)> SplitLong(Block block)
    {
        if (block.Text.Length <= _maxCharacters)
        {
            yield return (block.Headings, block.Text);
            yield break;
        }

        var pieces = block.IsArticle ? SplitAtClauses(block.Text) : SplitAtParagraphs(block.Text);
        foreach (var (label, text) in Pack(pieces.SelectMany(p => Bound(p.Label, p.Text)).ToList()))
        {
            yield return (label is null ? block.Headings : [.. block.Headings, label], text);
        }
    }

    private static List<(string? Label, string Text)> SplitAtClauses(string text)
    {
        var pieces = new List<(string?, string)>();
        var current = new StringBuilder();
        string? label = null;
        foreach (var line in text.Split('\n'))
        {
            var clause = ClauseStart().Match(line);
            if (clause.Success && current.Length > 0)
            {
                pieces.Add((label, current.ToString().Trim()));
                current.Clear();
            }

            if (clause.Success)
            {
                label = "Khoản " + clause.Groups["number"].Value;
            }

            current.AppendLine(line);
        }

        pieces.Add((label, current.ToString().Trim()));
        return pieces;
    }

    private static List<(string? Label, string Text)> SplitAtParagraphs(string text) =>
        text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => ((string?)null, p))
            .ToList();

    // A piece still over the limit (a long list, a record's steps written as one paragraph) is cut at its line
    // breaks, and a line still over it at its sentences, so that no chunk is many times the limit: a long chunk
    // dilutes its terms for BM25 and is slow to rerank.
    private IEnumerable<(string? Label, string Text)> Bound(string? label, string text)
    {
        if (text.Length <= _maxCharacters)
        {
            yield return (label, text);
            yield break;
        }

        foreach (var line in text.Split('\n'))
        {
            if (line.Length <= _maxCharacters)
            {
                yield return (label, line);
                continue;
            }

            foreach (var sentence in SentenceEnd().Split(line))
            {
                for (var start = 0; start < sentence.Length; start += _maxCharacters)
                {
                    yield return (label, sentence.Substring(start, Math.Min(_maxCharacters, sentence.Length - start)));
                }
            }
        }
    }

    // Joins neighbouring small pieces up to the size limit, so a long article does not become a dust of clauses.
    private IEnumerable<(string? Label, string Text)> Pack(List<(string? Label, string Text)> pieces)
    {
        var labels = new List<string>();
        var text = new StringBuilder();
        foreach (var (label, piece) in pieces)
        {
            if (text.Length > 0 && text.Length + piece.Length > _maxCharacters)
            {
                yield return (JoinLabels(labels), text.ToString().Trim());
                labels.Clear();
                text.Clear();
            }

            if (label is not null)
            {
                labels.Add(label);
            }

            text.Append(piece).Append('\n');
        }

        if (text.Length > 0)
        {
            yield return (JoinLabels(labels), text.ToString().Trim());
        }
    }

    private static string? JoinLabels(List<string> labels) => labels.Count switch
    {
        0 => null,
        1 => labels[0],
        _ => $"{labels[0]}–{labels[^1]["Khoản ".Length..]}",
    };

    /// <summary>Strips Markdown markup but keeps the line structure (clauses, points, bullets).</summary>
    internal static string Clean(string markdown, bool keepSectionHeadings)
    {
        var builder = new StringBuilder(markdown.Length);
        var blank = false;
        foreach (var rawLine in markdown.Split('\n'))
        {
            var line = rawLine.Trim();
            var heading = MarkdownHeading().Match(line);
            if (heading.Success)
            {
                if (!keepSectionHeadings || heading.Groups["hashes"].Length == 1)
                {
                    continue;
                }

                line = heading.Groups["text"].Value.Trim() + ":";
            }

            line = MarkdownLink().Replace(line, "${text}");
            line = line.Replace("**", string.Empty, StringComparison.Ordinal).Replace("`", string.Empty, StringComparison.Ordinal);
            line = line.TrimStart('>').Trim();
            if (line.Length == 0)
            {
                blank = builder.Length > 0;
                continue;
            }

            if (blank)
            {
                builder.Append('\n');
                blank = false;
            }

            builder.Append(line).Append('\n');
        }

        return builder.ToString().Trim();
    }

    [GeneratedRegex(@"^(?<hashes>#{1,6})\s+(?<text>.+)$")]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"^(?<kind>Phần|Chương|Mục|Điều)\s+(?<number>[0-9IVXLC]+[a-z]?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex StructuralHeading();

    [GeneratedRegex(@"^(?<number>\d+)\.\s")]
    private static partial Regex ClauseStart();

    // After a sentence's full stop (or semicolon) and its space, before the next sentence.
    [GeneratedRegex(@"(?<=[.;])\s+(?=\S)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\([^)]+\)")]
    private static partial Regex MarkdownLink();

    private sealed record Block(IReadOnlyList<string> Headings, string Text, bool IsArticle);
}
