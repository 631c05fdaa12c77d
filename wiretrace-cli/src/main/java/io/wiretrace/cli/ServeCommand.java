package io.wiretrace.cli;

import io.wiretrace.pipeline.Pipeline;
import io.wiretrace.server.ApiServer;
import io.wiretrace.store.Store;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wiretrace serve}: the REST API over the store until interrupted. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve the store over HTTP (JSON API, OpenAPI at /openapi.json). Binds to 127.0.0.1 unless --host says otherwise.")
final class ServeCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--data", paramLabel = "DIR", description = "Store folder (default: ${DEFAULT-VALUE}).", defaultValue = "wiretrace-data")
  Path data;

  @Option(names = "--port", paramLabel = "N", description = "Port (default: ${DEFAULT-VALUE}; 0 for any free one).", defaultValue = "7070")
  int port;

  @Option(names = "--host", paramLabel = "ADDR", description = "Address to bind (default: ${DEFAULT-VALUE}).", defaultValue = "127.0.0.1")
  String host;

  @Option(names = "--max-body", paramLabel = "MB", description = "Largest request body in MiB (default: ${DEFAULT-VALUE}).", defaultValue = "64")
  int maxBodyMb;

  @Option(names = "--reads-per-second", paramLabel = "N", defaultValue = "500",
      description = "Per-client read budget, bursts of twice as many (default: ${DEFAULT-VALUE}; 0 for no limit).")
  double readsPerSecond;

  @Option(names = "--writes-per-second", paramLabel = "N", defaultValue = "20",
      description = "Per-client write budget, bursts of twice as many (default: ${DEFAULT-VALUE}; 0 for no limit).")
  double writesPerSecond;

  @Option(names = "--auth-failures-per-minute", paramLabel = "N", defaultValue = "10",
      description = "Wrong tokens a client may send per minute before its writes are refused for the rest of the minute "
          + "(default: ${DEFAULT-VALUE}; 0 for no limit).")
  int authFailures;

  @Override
  public Integer call() throws Exception {
    CommandLine cl = spec.commandLine();
    if (port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(cl, "--port must be between 0 and 65535, got " + port);
    }
    if (maxBodyMb < 1 || maxBodyMb > 4096) {
      throw new CommandLine.ParameterException(cl, "--max-body must be between 1 and 4096 MiB, got " + maxBodyMb);
    }
    if (readsPerSecond < 0 || writesPerSecond < 0 || authFailures < 0) {
      throw new CommandLine.ParameterException(cl, "rate limits must not be negative");
    }
    try (Store store = Store.open(data)) {
      ApiServer server = ApiServer.start(store, Pipeline.builder().paraphrases(false).build(), host, port, (long) maxBodyMb << 20,
          new io.wiretrace.server.RateLimits.Config(readsPerSecond, writesPerSecond, authFailures));
      CountDownLatch stop = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        server.stop();
        stop.countDown();
      }));
      PrintWriter w = cl.getOut();
      w.printf("wiretrace serving %s on http://%s:%d/ (API description: /openapi.json)%n", data.toAbsolutePath().normalize(), host,
          server.port());
      w.printf("Write token (Authorization: Bearer ...): %s%n", server.token());
      w.printf("It is kept in %s; stop with Ctrl-C.%n", data.resolve(ApiServer.TOKEN_FILE));
      w.flush();
      stop.await();
    }
    return 0;
  }
}
