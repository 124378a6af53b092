namespace ProcedureAssistant.Lab.Evaluation;

/// <summary>
/// A reduced QA set for quick runs (CI): a stratified, seed-fixed subset that keeps the mix of answerable,
/// out-of-domain and not-in-corpus questions, of personas and of accented and unaccented typing. The same file,
/// size and seed always give the same questions, in file order.
/// </summary>
public static class QaSample
{
    /// <summary>
    /// <paramref name="size"/> questions drawn from <paramref name="items"/> in proportion to each stratum
    /// (largest remainders first), shuffled within a stratum by <paramref name="seed"/>; all of them when
    /// <paramref name="size"/> is not smaller than the set.
    /// </summary>
    public static IReadOnlyList<QaItem> Take(IReadOnlyList<QaItem> items, int size, int seed)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (size >= items.Count)
        {
            return items;
        }

        var strata = items
            .Select((item, position) => (item, position))
            .GroupBy(x => Stratum(x.item), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Members: g.ToList(), Exact: size * g.Count() / (double)items.Count))
            .ToList();
        var quotas = strata.Select(s => (int)Math.Floor(s.Exact)).ToArray();
        foreach (var index in Enumerable.Range(0, strata.Count).OrderByDescending(i => strata[i].Exact - quotas[i]).ThenBy(i => i).Take(size - quotas.Sum()))
        {
            quotas[index]++;
        }

        var random = new Random(seed);
        return strata
            .SelectMany((s, i) => s.Members.OrderBy(_ => random.Next()).Take(quotas[i]))
            .OrderBy(x => x.position)
            .Select(x => x.item)
            .ToList();
    }

    private static string Stratum(QaItem item)
    {
        var kind = item.Answerable ? "answerable" : item.Tags.Contains("out-of-domain") ? "out-of-domain" : "not-in-corpus";
        var typing = item.Tags.Contains("unaccented") ? "unaccented" : "accented";
        return $"{kind}/{item.Persona}/{typing}";
    }
}
