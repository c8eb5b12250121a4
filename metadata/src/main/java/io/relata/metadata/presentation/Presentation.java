package io.relata.metadata.presentation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The apps and dashboards of one revision, compiled, with their documents as stored.
 *
 * @param appDocuments the apps' documents, in order (copies)
 * @param dashboardDocuments the dashboards' documents, in order (copies)
 */
public record Presentation(
    List<App> apps,
    List<Dashboard> dashboards,
    List<JsonNode> appDocuments,
    List<JsonNode> dashboardDocuments) {

  public static final Presentation EMPTY =
      new Presentation(List.of(), List.of(), List.of(), List.of());

  public Presentation {
    apps = List.copyOf(apps);
    dashboards = List.copyOf(dashboards);
    appDocuments = appDocuments.stream().<JsonNode>map(JsonNode::deepCopy).toList();
    dashboardDocuments = dashboardDocuments.stream().<JsonNode>map(JsonNode::deepCopy).toList();
  }

  @Override
  public List<JsonNode> appDocuments() {
    return appDocuments.stream().<JsonNode>map(JsonNode::deepCopy).toList();
  }

  @Override
  public List<JsonNode> dashboardDocuments() {
    return dashboardDocuments.stream().<JsonNode>map(JsonNode::deepCopy).toList();
  }

  public Optional<App> app(String name) {
    return apps.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  public Optional<Dashboard> dashboard(String name) {
    return dashboards.stream().filter(d -> d.name().equals(name)).findFirst();
  }
}
