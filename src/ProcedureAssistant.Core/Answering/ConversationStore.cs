using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Questions;

namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// A short, bounded, in-memory history per conversation: what it remembers of the last question (the name of what
/// was answered and the items asked), so that a follow-up can be read against it. Conversations expire after <see cref="AnsweringOptions.ConversationMinutes"/>; beyond
/// <see cref="AnsweringOptions.MaxConversations"/> the least recently used are dropped, and a topic keeps at most
/// <see cref="MaxTopicCharacters"/>. Thread-safe: one lock over a dictionary and a recency list, so every call is
/// O(1) however many conversations there are. (Per API instance: with several replicas a follow-up must reach the
/// same instance, or its topic is simply not found.)
/// </summary>
public sealed class ConversationStore(TimeProvider time, IOptions<AnsweringOptions> options)
{
    /// <summary>
    /// The longest topic kept, cut between words: room for the longest document title and a follow-up or two. A
    /// chain of follow-ups that the evidence never answers would otherwise grow the topic with every question.
    /// </summary>
    public const int MaxTopicCharacters = 500;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<Turn>> _turns = new(StringComparer.Ordinal);
    private readonly LinkedList<Turn> _byRecency = new(); // least recently recorded first

    /// <summary>Conversations held now, expired ones not yet dropped included.</summary>
    internal int Count
    {
        get
        {
            lock (_gate)
            {
                return _turns.Count;
            }
        }
    }

    /// <summary>The conversation's last question, or null when there is none (or it expired).</summary>
    public ConversationTurn? Last(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (!_turns.TryGetValue(conversationId, out var node))
            {
                return null;
            }

            if (IsExpired(node.Value, now))
            {
                Remove(node);
                return null;
            }

            return node.Value.Last;
        }
    }

    /// <summary>Remembers the latest question (its topic's start, up to <see cref="MaxTopicCharacters"/>).</summary>
    public void Record(string conversationId, ConversationTurn last)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentNullException.ThrowIfNull(last);
        var turn = new Turn(conversationId, last with { Topic = Cap(last.Topic) }, time.GetUtcNow());
        var max = options.Value.MaxConversations;
        lock (_gate)
        {
            if (_turns.Remove(conversationId, out var previous))
            {
                _byRecency.Remove(previous);
            }

            _turns[conversationId] = _byRecency.AddLast(turn);

            // The oldest go first: those past their time, then as many as the limit asks.
            while (_byRecency.First is { } oldest && (_turns.Count > max || IsExpired(oldest.Value, turn.At)))
            {
                Remove(oldest);
            }
        }
    }

    private static string Cap(string topic)
    {
        if (topic.Length <= MaxTopicCharacters)
        {
            return topic;
        }

        var cut = topic.LastIndexOf(' ', MaxTopicCharacters);
        return topic[..(cut > 0 ? cut : MaxTopicCharacters)].TrimEnd();
    }

    private bool IsExpired(Turn turn, DateTimeOffset now) => now - turn.At > TimeSpan.FromMinutes(options.Value.ConversationMinutes);

    private void Remove(LinkedListNode<Turn> node)
    {
        _byRecency.Remove(node);
        _turns.Remove(node.Value.ConversationId);
    }

    private sealed record Turn(string ConversationId, ConversationTurn Last, DateTimeOffset At);
}
