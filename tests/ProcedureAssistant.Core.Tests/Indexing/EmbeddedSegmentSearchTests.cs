using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Indexing.Embedded;
using ProcedureAssistant.Core.Queries;
using ProcedureAssistant.Core.Tests.Fakes;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Tests.Indexing;

/// <summary>
/// The segmented index's MaxScore search against the plain in-memory BM25 (<see cref="Bm25Index"/>) over the same
/// live chunks: random corpora split over several segments, with postings longer than one block, after updates that
/// delete and replace documents, filtered and not, with random term weights and limits.
/// </summary>
public sealed class EmbeddedSegmentSearchTests
{
    private static readonly string[] Provinces = ["dak-lak", "gia-lai", "hue"];
    private static readonly string[] Levels = ["xa", "tinh", "bo"];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(1, 400, 2_500)]
    [InlineData(2, 400, 2_500)]
    [InlineData(3, 400, 2_500)]
    [InlineData(4, 2_500, 10_000_000)]
    public async Task Search_OverSegmentsAndUpdates_EqualsBm25OverTheLiveChunks(int seed, int documentCount, long postingsPerSegment)
    {
        var random = new Random(seed);
        using var folder = new TempFolder();
        var documents = Enumerable.Range(0, documentCount).Select(i => NewDocument(random, $"doc-{i:D4}", generation: 0)).ToList();
        using var index = EmbeddedChunkIndex.InFolder(folder.Path, postingsPerSegment);
        await index.ReplaceAsync(new IndexSnapshot("test", documents.Select(d => d.Record).ToList(), documents.SelectMany(d => d.Chunks).ToList()), Token);

        // Several small segments, or one segment longer than a scoring window (2,048 chunks).
        Assert.True(index.SegmentNames.Count >= 3 || documents.Sum(d => d.Chunks.Count) > 4_096, $"{index.SegmentNames.Count} segments");
        await AssertSearchesMatchAsync(index, documents, random);

        // Replace a tenth of the documents, add some, remove some: the old chunks must stop counting everywhere.
        for (var round = 1; round <= 2; round++)
        {
            var changed = Enumerable.Range(0, 40).Select(_ => random.Next(documents.Count)).Distinct().ToList();
            var removed = Enumerable.Range(0, 10).Select(_ => random.Next(documents.Count)).Where(i => !changed.Contains(i)).Distinct().ToList();
            var updated = changed.Select(i => NewDocument(random, documents[i].Record.Id, round)).ToList();
            var added = Enumerable.Range(0, 5).Select(i => NewDocument(random, $"new-{round}-{i}", round)).ToList();
            var removedIds = removed.Select(i => documents[i].Record.Id).ToList();
            await index.UpdateAsync(
                new IndexUpdate("test", updated.Concat(added).Select(d => d.Record).ToList(), updated.Concat(added).SelectMany(d => d.Chunks).ToList(), removedIds), Token);

            foreach (var (i, document) in changed.Zip(updated))
            {
                documents[i] = document;
            }

            documents = documents.Where(d => !removedIds.Contains(d.Record.Id)).Concat(added).ToList();
            var info = await index.GetInfoAsync(Token);
            Assert.Equal(documents.Count, info!.DocumentCount);
            Assert.Equal(documents.Sum(d => d.Chunks.Count), info.ChunkCount);
            await AssertSearchesMatchAsync(index, documents, random);
        }

        // The content hash after updates is the one a fresh build of the same documents gets.
        using var fresh = EmbeddedChunkIndex.InMemory();
        var rebuilt = await fresh.ReplaceAsync(new IndexSnapshot("test", documents.Select(d => d.Record).ToList(), documents.SelectMany(d => d.Chunks).ToList()), Token);
        Assert.Equal(rebuilt.ContentHash, (await index.GetInfoAsync(Token))!.ContentHash);
        using var reopened = EmbeddedChunkIndex.InFolder(folder.Path);
        Assert.Equal(await index.GetInfoAsync(Token), await reopened.GetInfoAsync(Token));
        await AssertSearchesMatchAsync(reopened, documents, random);
    }

    // MaxScore prunes by the k-th best score carried from window to window and from segment to segment: over many
    // windows in several segments its top k must still be the exhaustive top k, for small limits (a high k-th score,
    // where it prunes most) as for large ones.
    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public async Task Search_OverManyWindowsOfSeveralSegments_EqualsExhaustiveBm25(int seed)
    {
        var random = new Random(seed);
        var documents = Enumerable.Range(0, 12_000).Select(i => NewDocument(random, $"doc-{i:D5}", generation: 0)).ToList();
        using var folder = new TempFolder();
        using var segmented = EmbeddedChunkIndex.InFolder(folder.Path, 200_000);
        await segmented.ReplaceAsync(new IndexSnapshot("test", documents.Select(d => d.Record).ToList(), documents.SelectMany(d => d.Chunks).ToList()), Token);
        Assert.True(segmented.SegmentNames.Count >= 3, $"{segmented.SegmentNames.Count} segments");
        Assert.True(documents.Sum(d => d.Chunks.Count) / segmented.SegmentNames.Count > 2 * 2_048, $"{documents.Sum(d => d.Chunks.Count)} chunks in {segmented.SegmentNames.Count} segments");
        await AssertSearchesMatchAsync(segmented, documents, random);
    }

    private static async Task AssertSearchesMatchAsync(EmbeddedChunkIndex index, List<TestDocument> documents, Random random)
    {
        var chunks = documents.SelectMany(d => d.Chunks).ToList();
        var reference = new Bm25Index(chunks.Select(c => c.Terms).ToList(), Bm25Parameters.Default);
        var statistics = await index.GetStatisticsAsync(Token);
        Assert.Equal(chunks.Count, statistics!.ChunkCount);
        Assert.Equal(reference.AverageLength, statistics.AverageLength, 9);
        for (var q = 0; q < 40; q++)
        {
            var weights = Enumerable.Range(0, random.Next(1, 9)).Select(_ => Term(random)).Distinct().ToDictionary(t => t, _ => (float)Math.Round(random.NextDouble() * 2, 2));
            var filter = q % 3 == 0 ? new SearchFilter { Province = Provinces[random.Next(Provinces.Length)], Levels = [Levels[random.Next(Levels.Length)]] } : null;
            var query = new QueryTerms(weights, Accented: true) { Filter = filter };
            var limit = new[] { 1, 5, 10, 50, 500 }[random.Next(5)];

            var expected = reference.Search(query, limit, filter is null ? null : i => filter.Accepts(chunks[i].Chunk.Province, chunks[i].Chunk.Levels));
            var actual = await index.SearchAsync(query, limit, Token);

            // Chunks of equal score may come in another order: a changed document's chunks are in a later segment.
            var allScores = reference.Search(query, chunks.Count, filter is null ? null : i => filter.Accepts(chunks[i].Chunk.Province, chunks[i].Chunk.Levels)).Select(e => e.Score).ToList();

            Assert.Equal(expected.Count, actual.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i].Score, actual[i].Score, 9);
                Assert.Equal(expected[i].Coverage, actual[i].Coverage, 9);
                var tied = allScores.Count(score => Math.Abs(score - expected[i].Score) < 1e-9) > 1;
                if (!tied)
                {
                    Assert.Equal(chunks[expected[i].Document].Chunk.Id, actual[i].Chunk.Id);
                }
            }

            Assert.All(actual, hit => Assert.True(filter?.Accepts(hit.Chunk.Province, hit.Chunk.Levels) ?? true));
        }
    }

    // Common syllables reach hundreds of chunks (postings over several blocks), rare ones a few.
    private static string Term(Random random)
    {
        var rank = (int)Math.Floor(Math.Pow(random.NextDouble(), 2.5) * 120);
        return random.Next(4) == 0 ? $"t{rank} t{(rank * 7) % 120}" : $"t{rank}";
    }

    private static TestDocument NewDocument(Random random, string id, int generation)
    {
        var province = random.Next(4) == 0 ? null : Provinces[random.Next(Provinces.Length)];
        var levels = random.Next(3) == 0 ? [] : new[] { Levels[random.Next(Levels.Length)] };
        return TestDocument.Random(random, id, generation, Term, maxLength: 60, province, levels);
    }
}
