package io.swirl.server.cli;

import io.swirl.server.cli.client.DeployCommand;
import io.swirl.server.cli.client.GetCommand;
import io.swirl.server.cli.client.HistoryCommand;
import io.swirl.server.cli.client.InstanceControl;
import io.swirl.server.cli.client.ListCommand;
import io.swirl.server.cli.client.RaiseCommand;
import io.swirl.server.cli.client.SendEventCommand;
import io.swirl.server.cli.client.StartCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code swirl} command line. */
@Command(
    name = "swirl",
    mixinStandardHelpOptions = true,
    versionProvider = SwirlVersion.class,
    description = "Swirl: a durable runtime for CNCF Serverless Workflow (DSL 1.0).",
    subcommands = {
      ServerCommand.class,
      ValidateCommand.class,
      RunCommand.class,
      DeployCommand.class,
      StartCommand.class,
      GetCommand.class,
      ListCommand.class,
      HistoryCommand.class,
      InstanceControl.Suspend.class,
      InstanceControl.Resume.class,
      InstanceControl.Cancel.class,
      RaiseCommand.class,
      SendEventCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, shared by {@link #main} and tests. */
  public static CommandLine commandLine() {
    // "--input @file" names a file to read, not a picocli argument file.
    return new CommandLine(new Main()).setExpandAtFiles(false);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
