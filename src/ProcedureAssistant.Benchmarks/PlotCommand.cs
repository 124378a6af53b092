using System.Globalization;
using System.Text.Json;
using ScottPlot;

namespace ProcedureAssistant.Benchmarks;

/// <summary>
/// <c>plot</c>: reads the scale results in <c>eval/reports/scale/</c> and draws search latency (p95) and resident
/// memory after the searches (after load it is flat: the indexes are mapped, not read) against corpus size for every engine, on log-log axes, into
/// <c>eval/reports/scale-growth.png</c>, with each engine's growth exponent: the slope k of the least-squares line
/// through log(value) against log(chunks), so that the value grows as chunks^k.
/// </summary>
internal static class PlotCommand
{
    public static async Task<int> RunAsync(Arguments arguments, CancellationToken cancellationToken)
    {
        var reports = Path.Combine(SharedFolder.Repository(), "eval", "reports");
        var results = new List<ScaleResult>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(reports, "scale"), "*.json").Where(f => char.IsDigit(Path.GetFileName(f)[0])))
        {
            results.Add(JsonSerializer.Deserialize<ScaleResult>(await File.ReadAllTextAsync(file, cancellationToken))!);
        }

        var engines = results.GroupBy(r => r.Engine).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        var exponents = new List<string>();
        Draw(multiplot.GetPlot(0), engines, r => r.Serve.Search.P95, "search p95 (ms), top 10, one client", "p95", exponents);
        Draw(multiplot.GetPlot(1), engines, r => r.Serve.ResidentMBAfterSearches, "resident memory after the 600 searches (MB)", "memory", exponents);
        var output = Path.Combine(reports, arguments.Text("out", "scale-growth.png"));
        multiplot.SavePng(output, 1400, 560);
        Console.WriteLine($"wrote {output}");
        foreach (var line in exponents)
        {
            Console.WriteLine(line);
        }

        return 0;
    }

    private static void Draw(Plot plot, List<IGrouping<string, ScaleResult>> engines, Func<ScaleResult, double> value, string title, string what, List<string> exponents)
    {
        foreach (var engine in engines)
        {
            var points = engine.Where(r => value(r) > 0 && double.IsFinite(value(r))).OrderBy(r => r.Chunks).ToList();
            if (points.Count == 0)
            {
                continue;
            }

            var xs = points.Select(r => Math.Log10(r.Chunks)).ToArray();
            var ys = points.Select(r => Math.Log10(value(r))).ToArray();
            var exponent = xs.Length > 1 ? Slope(xs, ys) : double.NaN;
            var scatter = plot.Add.Scatter(xs, ys);
            scatter.LegendText = xs.Length > 1 ? string.Create(CultureInfo.InvariantCulture, $"{engine.Key} (grows as N^{exponent:F2})") : engine.Key;
            scatter.MarkerSize = 8;
            scatter.LineWidth = 2;
            exponents.Add(string.Create(CultureInfo.InvariantCulture, $"{what} {engine.Key}: exponent {exponent:F2} over {string.Join(", ", points.Select(p => p.Chunks))} chunks"));
        }

        plot.Title(title);
        plot.XLabel("chunks (log scale)");
        plot.YLabel(what == "p95" ? "ms (log scale)" : "MB (log scale)");
        plot.Axes.Bottom.TickGenerator = LogTicks();
        plot.Axes.Left.TickGenerator = LogTicks();
        plot.ShowLegend(Alignment.UpperLeft);
    }

    private static ScottPlot.TickGenerators.NumericAutomatic LogTicks() => new()
    {
        MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
        IntegerTicksOnly = true,
        LabelFormatter = y => Math.Pow(10, y).ToString("N0", CultureInfo.InvariantCulture),
    };

    private static double Slope(double[] xs, double[] ys)
    {
        var mx = xs.Average();
        var my = ys.Average();
        return xs.Zip(ys).Sum(p => (p.First - mx) * (p.Second - my)) / xs.Sum(x => (x - mx) * (x - mx));
    }
}
