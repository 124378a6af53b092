using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Ingestion;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Retrieval;

/// <summary>
/// The provinces a question or search may be limited to: the deployment's own (<see cref="CorpusOptions.Province"/>,
/// the <see cref="Default"/>) and every province whose texts the live index holds (<see cref="IChunkIndex.ListProvincesAsync"/>).
/// A province is named by its key or its name ("dak-lak", "Đắk Lắk", "Tỉnh Đắk Lắk" are one).
/// </summary>
public sealed class ProvinceCatalog(IChunkIndex index, IOptions<CorpusOptions> corpus)
{
    /// <summary>The deployment's province key.</summary>
    public string Default { get; } = ProvinceKey.Of(corpus.Value.Province)
        ?? throw new OptionsValidationException(CorpusOptions.SectionName, typeof(CorpusOptions), ["Corpus:Province is required (a province name or key, e.g. dak-lak)."]);

    // The 34 provinces' names as written today, by key (the second column of provinces.tsv), for people to choose from.
    private readonly Dictionary<string, string> _names = TextAnalyzer.ReadDataLines("provinces.tsv")
        .Select(line => line.Split('\t')[^1].Trim())
        .DistinctBy(name => ProvinceKey.Of(name), StringComparer.Ordinal)
        .ToDictionary(name => ProvinceKey.Of(name)!, StringComparer.Ordinal);

    /// <summary>The province's name as written today ("Đắk Lắk" for <c>dak-lak</c>), or the key itself when it is not one of the 34.</summary>
    public string NameOf(string key) => _names.GetValueOrDefault(key, key);

    /// <summary>Every province a question may name, ordered: the default and those of the live index.</summary>
    public async Task<IReadOnlyList<string>> KnownAsync(CancellationToken cancellationToken = default)
    {
        var held = await index.ListProvincesAsync(cancellationToken).ConfigureAwait(false);
        return held.Append(Default).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The key of the named province when it is one a question may name, else null (blank or unknown).</summary>
    public async Task<string?> ResolveAsync(string? name, CancellationToken cancellationToken = default)
    {
        var key = ProvinceKey.Of(name);
        return key is not null && (await KnownAsync(cancellationToken).ConfigureAwait(false)).Contains(key, StringComparer.Ordinal) ? key : null;
    }
}
