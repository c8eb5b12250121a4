package io.relata.ui.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.relata.platform.identity.Actor;
import io.relata.platform.message.Messages;
import io.relata.platform.record.RecordService;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.ui.screen.Address;
import io.relata.ui.screen.Labels;
import io.relata.ui.screen.Workspace;
import io.relata.ui.session.SignedInUser;
import io.relata.ui.shell.MainLayout;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Search across every object the user may read: the best matches first, each with its object. The
 * platform decides what the user may find; a record they may not read is never a hit.
 */
@Route(value = "search", layout = MainLayout.class)
public class SearchView extends Div implements BeforeEnterObserver, HasDynamicTitle {

  static final int SHOWN = 50;

  private final Workspace workspace;
  private final RecordService records;
  private final H1 title = new H1();
  private final Div hits = new Div();

  @Inject
  public SearchView(Workspace workspace, RecordService records) {
    this.workspace = workspace;
    this.records = records;
    addClassName("relata-page");
    title.setId("search-title");
    hits.setId("search-hits");
    hits.addClassName("relata-search-hits");
    add(title, hits);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Actor actor = SignedInUser.current().orElseThrow();
    String text = Address.parameter(event, "q").orElse("").strip();
    title.setText(getTranslation("search.title", text));
    hits.removeAll();
    if (text.isEmpty()) {
      return;
    }
    Workspace.View view = workspace.of(actor);
    JsonNode answer;
    try {
      answer = records.search(actor, text, Optional.empty(), SHOWN);
    } catch (InvalidRequestException refused) {
      hits.add(
          new Paragraph(
              refused.violations().stream()
                  .map(v -> Messages.text(v.code(), getLocale(), v.args().toArray()))
                  .collect(Collectors.joining("; "))));
      return;
    }
    for (JsonNode hit : answer.path("items")) {
      String object = hit.path("object").asText();
      view.readable(object)
          .ifPresent(
              definition -> {
                Anchor link =
                    new Anchor(
                        "o/" + object + "/" + hit.path("id").asText(), hit.path("name").asText());
                link.getElement().setAttribute("data-object", object);
                Span kind = new Span(Labels.singular(definition));
                kind.addClassName("relata-muted");
                Div row = new Div(link, kind);
                row.addClassName("relata-recent-row");
                hits.add(row);
              });
    }
    if (hits.getComponentCount() == 0) {
      hits.add(new Paragraph(getTranslation("search.none")));
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("search.page-title");
  }
}
