using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Indexing;

namespace ProcedureAssistant.Api.Submissions;

/// <summary>
/// The SQLite file that holds feedback and hand-off requests, <c>{DataPath}/submissions.db</c>: one connection per
/// operation (pooled), the schema created on first use, write-ahead logging so that readers never wait for a writer.
/// </summary>
internal sealed class SubmissionDatabase(IOptions<VectorStoreOptions> store) : IDisposable
{
    public const string FileName = "submissions.db";

    // Version 1: the tables below. A later change adds a step after the ones already applied, never edits them.
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS feedback (
            id              INTEGER PRIMARY KEY AUTOINCREMENT,
            created_at      INTEGER NOT NULL,
            rating          TEXT    NOT NULL,
            reason          TEXT,
            comment         TEXT,
            question        TEXT    NOT NULL,
            answer          TEXT    NOT NULL,
            citations       TEXT    NOT NULL,
            decision_rule   TEXT    NOT NULL,
            persona         TEXT,
            conversation_id TEXT
        );
        CREATE INDEX IF NOT EXISTS feedback_created ON feedback (created_at);
        CREATE TABLE IF NOT EXISTS handoff (
            id              INTEGER PRIMARY KEY AUTOINCREMENT,
            reference       TEXT    NOT NULL UNIQUE,
            created_at      INTEGER NOT NULL,
            question        TEXT    NOT NULL,
            conversation    TEXT    NOT NULL,
            persona         TEXT,
            commune         TEXT,
            conversation_id TEXT,
            consent         INTEGER NOT NULL,
            name            TEXT,
            phone           TEXT,
            answered_at     INTEGER,
            answer_note     TEXT
        );
        CREATE INDEX IF NOT EXISTS handoff_created ON handoff (created_at);
        PRAGMA user_version = 1;
        """;

    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;

    public string FilePath => Path.GetFullPath(Path.Combine(store.Value.DataPath, FileName));

    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = FilePath, Mode = SqliteOpenMode.ReadWriteCreate }.ToString();

    /// <summary>An open connection to the database, created with its schema if it is not there yet.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_schemaReady)
        {
            await CreateSchemaAsync(cancellationToken).ConfigureAwait(false);
        }

        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_schemaReady)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            await using var connection = new SqliteConnection(ConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = Schema;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            _schemaReady = true;
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    public void Dispose()
    {
        // Pooled connections keep the file open; a stopped service (or a test deleting its folder) should not.
        SqliteConnection.ClearPool(new SqliteConnection(ConnectionString));
        _schemaGate.Dispose();
    }
}
