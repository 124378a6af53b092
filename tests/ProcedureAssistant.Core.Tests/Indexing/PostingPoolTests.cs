using ProcedureAssistant.Core.Indexing.Embedded;

namespace ProcedureAssistant.Core.Tests.Indexing;

/// <summary>The build's postings pool gives back every term's postings in the order they were added.</summary>
public sealed class PostingPoolTests
{
    [Fact]
    public void Read_InterleavedTermsAcrossSlicesAndPages_ReturnsEachTermsPostingsInOrder()
    {
        var random = new Random(7);
        var pool = new PostingPool();
        var expected = new List<(int Chunk, float Frequency)>[200];
        for (var t = 0; t < expected.Length; t++)
        {
            Assert.Equal(t, pool.AddTerm());
            expected[t] = [];
        }

        // One term long enough to cross the 2^20-integer pages, the rest from one posting to a few thousand,
        // added interleaved as a build adds them; one term's frequencies are fractional.
        for (var chunk = 0; chunk < 700_000; chunk++)
        {
            AddPosting(0, chunk, random.Next(1, 9));
            if (random.Next(40) == 0)
            {
                var term = 1 + random.Next(expected.Length - 1);
                AddPosting(term, chunk, term == 5 ? 0.25f + random.Next(4) : random.Next(1, 30));
            }
        }

        for (var t = 0; t < expected.Length; t++)
        {
            var count = pool.Count(t);
            Assert.Equal(expected[t].Count, count);
            var chunks = new int[count];
            var frequencies = new float[count];
            pool.Read(t, chunks, frequencies);
            Assert.Equal(expected[t].Select(p => p.Chunk), chunks);
            Assert.Equal(expected[t].Select(p => p.Frequency), frequencies);
            Assert.Equal(expected[t].Any(p => p.Frequency != MathF.Floor(p.Frequency)), pool.Fractional(t));
        }

        void AddPosting(int term, int chunk, float frequency)
        {
            pool.Add(term, chunk, frequency);
            expected[term].Add((chunk, frequency));
        }
    }
}
