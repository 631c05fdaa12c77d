package io.wiretrace.cli;

import io.wiretrace.eval.EvalTask;
import io.wiretrace.eval.EvalTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wiretrace eval TASK}: scores one stage on a public dataset, with peers in the same run. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
        "Scores a stage on its evaluation dataset and prints the metric table (also written as JSON).",
        "Tasks: ${COMPLETION-CANDIDATES}. Needs the datasets (default: ../shared/data)."})
final class EvalCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "TASK", description = "One of: ${COMPLETION-CANDIDATES}.")
  EvalTasks.Name task;

  @Option(names = "--data", paramLabel = "DIR", description = "Dataset root (default: ${DEFAULT-VALUE}).", defaultValue = "../shared/data")
  Path data;

  @Option(names = "--json", paramLabel = "FILE", description = "Where to write the table as JSON (default: eval-TASK.json in the current folder).")
  Path json;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(data)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "Dataset folder not found: '" + data + "' (pass --data DIR; the datasets are not part of the repository)");
    }
    EvalTask t = EvalTasks.create(task);
    EvalTask.Table table = t.run(data, spec.commandLine().getOut());
    spec.commandLine().getOut().println(table.render());
    Path out = json != null ? json : Path.of("eval-" + task.name().toLowerCase(java.util.Locale.ROOT) + ".json");
    Files.writeString(out, table.toJson());
    spec.commandLine().getOut().println("Written: " + out.toAbsolutePath().normalize());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
