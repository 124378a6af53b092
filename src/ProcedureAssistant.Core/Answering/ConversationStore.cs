using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Questions;

namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// A short, bounded, in-memory history per conversation: what it remembers of the last question (the name of what
/// was answered and the items asked), so that a follow-up can be read against it. Conversations expire after <see cref="AnsweringOptions.ConversationMinutes"/>; the
/// oldest are dropped beyond <see cref="AnsweringOptions.MaxConversations"/>. (Per API instance: with several
/// replicas a follow-up must reach the same instance, or its topic is simply not found.)
/// </summary>
public sealed class ConversationStore(TimeProvider time, IOptions<AnsweringOptions> options)
{
    private readonly ConcurrentDictionary<string, Turn> _turns = new(StringComparer.Ordinal);

    /// <summary>The conversation's last question, or null when there is none (or it expired).</summary>
    public ConversationTurn? Last(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        if (!_turns.TryGetValue(conversationId, out var turn))
        {
            return null;
        }

        if (time.GetUtcNow() - turn.At > TimeSpan.FromMinutes(options.Value.ConversationMinutes))
        {
            _turns.TryRemove(conversationId, out _);
            return null;
        }

        return turn.Last;
    }

    /// <summary>Remembers the latest question.</summary>
    public void Record(string conversationId, ConversationTurn last)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        _turns[conversationId] = new Turn(last, time.GetUtcNow());
        var excess = _turns.Count - options.Value.MaxConversations;
        if (excess > 0)
        {
            foreach (var oldest in _turns.OrderBy(t => t.Value.At).Take(excess).Select(t => t.Key).ToList())
            {
                _turns.TryRemove(oldest, out _);
            }
        }
    }

    private sealed record Turn(ConversationTurn Last, DateTimeOffset At);
}
