package io.swirl.interpreter.ctk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A Gherkin feature file read into scenarios of steps (each with its doc string, if any). */
record Feature(String name, List<Scenario> scenarios) {

  record Step(String text, String docString) {}

  record Scenario(String name, List<Step> steps) {}

  static Feature read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<Scenario> scenarios = new ArrayList<>();
    String feature = file.getFileName().toString();
    String scenario = null;
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("Feature:")) {
        feature = line.substring(8).strip();
      } else if (line.startsWith("Scenario:")) {
        if (scenario != null) {
          scenarios.add(new Scenario(scenario, steps));
        }
        scenario = line.substring(9).strip();
        steps = new ArrayList<>();
      } else if (line.matches("^(Given|When|Then|And|But) .*")) {
        String text = line.substring(line.indexOf(' ') + 1).strip();
        String doc = null;
        if (i + 1 < lines.size() && lines.get(i + 1).strip().startsWith("\"\"\"")) {
          String opener = lines.get(i + 1);
          int indent = opener.indexOf("\"\"\"");
          StringBuilder body = new StringBuilder();
          i += 2;
          while (i < lines.size() && !lines.get(i).strip().equals("\"\"\"")) {
            String raw = lines.get(i);
            int cut = Math.min(indent, raw.length() - raw.stripLeading().length());
            body.append(raw.substring(Math.max(0, cut))).append('\n');
            i++;
          }
          doc = body.toString();
        }
        steps.add(new Step(text, doc));
      }
    }
    if (scenario != null) {
      scenarios.add(new Scenario(scenario, steps));
    }
    return new Feature(feature, scenarios);
  }
}
