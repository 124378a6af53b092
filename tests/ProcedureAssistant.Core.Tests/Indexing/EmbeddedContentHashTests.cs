using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Indexing.Embedded;
using ProcedureAssistant.Core.Queries;
using ProcedureAssistant.Core.Tests.Fakes;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Tests.Indexing;

/// <summary>
/// The embedded index's two-level content hash (<see cref="ContentDigest"/>): an update rehashes only the buckets of
/// the documents it touches, and must still give the hash of a full build of the same documents, which is also
/// <see cref="ContentDigest.Combine"/> over the per-document digests (the definition the Qdrant backend uses); an
/// index written before buckets existed still loads and updates to that hash.
/// </summary>
public sealed class EmbeddedContentHashTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(1, 2_000)]
    [InlineData(2, 10_000_000)]
    public async Task Update_TouchingManyBuckets_GivesTheHashOfAFullBuild(int seed, long postingsPerSegment)
    {
        var random = new Random(seed);
        using var folder = new TempFolder();
        var documents = Enumerable.Range(0, 300).Select(i => NewDocument(random, $"doc-{i:D3}", 0)).ToList();
        using var index = EmbeddedChunkIndex.InFolder(folder.Path, postingsPerSegment);
        await index.ReplaceAsync(Snapshot(documents), Token);
        Assert.Equal(await FullBuildHashAsync(documents), (await index.GetInfoAsync(Token))!.ContentHash);

        for (var round = 1; round <= 3; round++)
        {
            var changed = Enumerable.Range(0, 60).Select(_ => random.Next(documents.Count)).Distinct().ToList();
            var removed = Enumerable.Range(0, 10).Select(_ => random.Next(documents.Count)).Where(i => !changed.Contains(i)).Distinct().ToList();
            var updated = changed.Select(i => NewDocument(random, documents[i].Record.Id, round)).ToList();
            var added = Enumerable.Range(0, 5).Select(i => NewDocument(random, $"new-{round}-{i}", round)).ToList();
            var removedIds = removed.Select(i => documents[i].Record.Id).ToList();
            var update = new IndexUpdate("test", updated.Concat(added).Select(d => d.Record).ToList(), updated.Concat(added).SelectMany(d => d.Chunks).ToList(), removedIds);
            Assert.True(update.TouchedDocumentIds().Select(ContentDigest.Bucket).Distinct().Count() > 50);

            var before = (await index.GetInfoAsync(Token))!.ContentHash;
            await index.UpdateAsync(update, Token);
            foreach (var (i, document) in changed.Zip(updated))
            {
                documents[i] = document;
            }

            documents = documents.Where(d => !removedIds.Contains(d.Record.Id)).Concat(added).ToList();
            var after = (await index.GetInfoAsync(Token))!.ContentHash;
            Assert.NotEqual(before, after);
            Assert.Equal(await FullBuildHashAsync(documents), after);
            Assert.Equal(ReferenceHash(documents), after);
        }

        // Reopened from disk, the stored bucket digests carry on: one more update still matches a full build.
        using var reopened = EmbeddedChunkIndex.InFolder(folder.Path);
        documents[0] = NewDocument(random, documents[0].Record.Id, 9);
        await reopened.UpdateAsync(new IndexUpdate("test", [documents[0].Record], documents[0].Chunks, []), Token);
        Assert.Equal(await FullBuildHashAsync(documents), (await reopened.GetInfoAsync(Token))!.ContentHash);
    }

    [Fact]
    public async Task IndexWrittenBeforeBuckets_LoadsAndItsFirstUpdateGivesTheHashOfAFullBuild()
    {
        var random = new Random(7);
        using var folder = new TempFolder();
        var documents = Enumerable.Range(0, 120).Select(i => NewDocument(random, $"doc-{i:D3}", 0)).ToList();
        using (var writer = EmbeddedChunkIndex.InFolder(folder.Path, 1_500))
        {
            await writer.ReplaceAsync(Snapshot(documents), Token);
            Assert.True(writer.SegmentNames.Count >= 2, $"{writer.SegmentNames.Count} segments");
        }

        // As an earlier release wrote them: no bucket digests in the manifest, no bucket tables in the segments, and
        // the content hash of the one-level definition (here a stand-in value).
        const string OldHash = "0000000000000000000000000000000000000000000000000000000000000000";
        foreach (var manifest in Directory.GetFiles(folder.Path, "index-*.paidx"))
        {
            RewriteManifest(manifest, json =>
            {
                Assert.True(json.Remove("bucketDigests"));
                json["contentHash"] = OldHash;
            });
        }

        foreach (var segment in Directory.GetFiles(folder.Path, "*.pseg"))
        {
            RewriteSegmentDirectory(segment, json =>
            {
                Assert.NotEqual(0, (long)json["bucketStarts"]!);
                json["bucketStarts"] = 0;
                json["byBucket"] = 0;
            });
        }

        using var index = EmbeddedChunkIndex.InFolder(folder.Path);
        Assert.Equal(OldHash, (await index.GetInfoAsync(Token))!.ContentHash);
        Assert.NotEmpty(await index.SearchAsync(new QueryTerms(new Dictionary<string, float> { ["t1"] = 1 }, Accented: true), 5, Token));

        documents[3] = NewDocument(random, documents[3].Record.Id, 1);
        await index.UpdateAsync(new IndexUpdate("test", [documents[3].Record], documents[3].Chunks, []), Token);
        Assert.Equal(await FullBuildHashAsync(documents), (await index.GetInfoAsync(Token))!.ContentHash);

        documents[40] = NewDocument(random, documents[40].Record.Id, 2);
        await index.UpdateAsync(new IndexUpdate("test", [documents[40].Record], documents[40].Chunks, []), Token);
        Assert.Equal(await FullBuildHashAsync(documents), (await index.GetInfoAsync(Token))!.ContentHash);
    }

    private static IndexSnapshot Snapshot(List<TestDocument> documents) =>
        new("test", documents.Select(d => d.Record).ToList(), documents.SelectMany(d => d.Chunks).ToList());

    private static async Task<string> FullBuildHashAsync(List<TestDocument> documents)
    {
        using var fresh = EmbeddedChunkIndex.InMemory();
        return (await fresh.ReplaceAsync(Snapshot(documents), Token)).ContentHash;
    }

    private static string ReferenceHash(List<TestDocument> documents) =>
        ContentDigest.Combine("test", null, ContentDigest.PerDocument(
            documents.Select(d => d.Record), documents.SelectMany(d => d.Chunks).Select(c => new StoredChunk(c.Chunk, c.Terms.Frequencies, c.Terms.Length))));

    // A version file: magic (8 bytes), payload length (8), SHA-256 of the payload (32), payload.
    private static void RewriteManifest(string path, Action<JsonObject> change)
    {
        var bytes = File.ReadAllBytes(path);
        var json = JsonNode.Parse(bytes.AsSpan(48))!.AsObject();
        change(json);
        var payload = System.Text.Encoding.UTF8.GetBytes(json.ToJsonString());
        var header = new byte[48];
        bytes.AsSpan(0, 8).CopyTo(header);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(8), payload.Length);
        SHA256.HashData(payload).CopyTo(header.AsSpan(16));
        File.WriteAllBytes(path, [.. header, .. payload]);
    }

    // A segment ends with its JSON directory, then the directory's offset (8 bytes), length (4) and the magic (8).
    private static void RewriteSegmentDirectory(string path, Action<JsonObject> change)
    {
        var bytes = File.ReadAllBytes(path);
        var trailer = bytes.Length - 20;
        var offset = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(trailer));
        var length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(trailer + 8));
        var json = JsonNode.Parse(bytes.AsSpan((int)offset, length))!.AsObject();
        change(json);
        var directory = System.Text.Encoding.UTF8.GetBytes(json.ToJsonString());
        var end = new byte[12];
        BinaryPrimitives.WriteInt64LittleEndian(end, offset);
        BinaryPrimitives.WriteInt32LittleEndian(end.AsSpan(8), directory.Length);
        File.WriteAllBytes(path, [.. bytes.AsSpan(0, (int)offset), .. directory, .. end, .. bytes.AsSpan(bytes.Length - 8)]);
    }

    private static TestDocument NewDocument(Random random, string id, int generation) =>
        TestDocument.Random(random, id, generation, r => $"t{r.Next(60)}", maxLength: 40);
}
