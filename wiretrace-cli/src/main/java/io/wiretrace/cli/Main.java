package io.wiretrace.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code wiretrace} command. Exit codes: 0 success, 1 failure, 2 usage error.
 */
@Command(
    name = "wiretrace",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "News provenance and story intelligence: clean articles, copy lineage, stories.",
    subcommands = {AnalyzeCommand.class, IngestCommand.class, SearchCommand.class, ServeCommand.class, EvalCommand.class, BenchCommand.class, TrainCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'wiretrace analyze demo/corpus' or 'wiretrace --help'");
  }

  /** Builds the command line with the project's error mapping. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? 2 : 1);
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("wiretrace: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
      if (System.getenv("WIRETRACE_DEBUG") != null) {
        e.printStackTrace(cmd.getErr());
      }
      return 1;
    });
    return cl;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"wiretrace " + (v == null ? "dev" : v) + " (Java " + Runtime.version() + ")"};
    }
  }
}
