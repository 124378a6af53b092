using System.Text.Json;

namespace ProcedureAssistant.Lab.Evaluation;

/// <summary>Reads a file of one JSON record per line: the layout of every question set and BEIR file the lab reads.</summary>
internal static class JsonLines
{
    /// <summary>The records of the file, blank lines skipped.</summary>
    /// <param name="path">The file.</param>
    /// <param name="record">What a line holds, for the message about a line that does not ("question", "record").</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="FileNotFoundException">The file does not exist; the message names it.</exception>
    /// <exception cref="InvalidDataException">A line is not a record; the message names the file and the line.</exception>
    public static async Task<List<T>> ReadAsync<T>(string path, string record, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The file '{path}' does not exist.", path);
        }

        var items = new List<T>();
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                items.Add(JsonSerializer.Deserialize<T>(line) ?? throw new JsonException("null line"));
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path}, line {number}: not a valid {record} ({ex.Message})", ex);
            }
        }

        return items;
    }
}
