package io.relata.ui.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.relata.metadata.kind.DocumentKinds;
import io.relata.ui.screen.DropZone;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The role hierarchy as a tree: each role under its parent, the top ones at the root. A role
 * dragged onto another is moved under it, onto the root to the top; the move is the role document's
 * {@code parent} changed, which the caller proposes as any change (with its plan). Each role opens
 * its document, where its parent can also be chosen with the keyboard.
 */
final class RoleTree extends Div {

  /** The type a dragged role carries its name under. */
  private static final String TYPE = "application/x-relata-role";

  private final Map<String, ObjectNode> roles = new LinkedHashMap<>();

  /**
   * @param moved told the role moved and its new parent (empty for the top)
   */
  RoleTree(List<JsonNode> documents, BiConsumer<String, Optional<String>> moved) {
    addClassName("relata-role-tree");
    setId("role-tree");
    documents.forEach(d -> roles.put(d.path("name").asText(), (ObjectNode) d));
    Div root = new Div(VaadinIcon.SITEMAP.create(), new Span(getTranslation("setup.roles.top")));
    root.addClassName("relata-role-root");
    root.setId("role-root");
    droppable(root, "", moved);
    add(root);
    Div children = new Div();
    children.addClassName("relata-role-children");
    branch(children, Optional.empty(), moved, new java.util.HashSet<>());
    add(children);
  }

  private void branch(
      Div into,
      Optional<String> parent,
      BiConsumer<String, Optional<String>> moved,
      Set<String> seen) {
    List<ObjectNode> under = new ArrayList<>();
    for (ObjectNode role : roles.values()) {
      String of = role.path("parent").asText("");
      boolean top = of.isEmpty() || !roles.containsKey(of);
      if (parent.isEmpty() ? top : of.equals(parent.get())) {
        under.add(role);
      }
    }
    under.sort(Comparator.comparing(r -> r.path("label").asText(r.path("name").asText())));
    for (ObjectNode role : under) {
      String name = role.path("name").asText();
      if (!seen.add(name)) {
        continue; // a cycle the platform refuses anyway: shown once
      }
      RouterLink link =
          new RouterLink(
              role.path("label").asText(name),
              DocumentView.class,
              new RouteParameters(Map.of("kind", DocumentKinds.ROLES.id(), "name", name)));
      Span handle = new Span(VaadinIcon.MENU.create());
      handle.addClassName("relata-drag-handle");
      Div node = new Div(handle, link);
      node.addClassName("relata-role-node");
      node.setId("role-" + name);
      node.getElement().setAttribute("draggable", "true");
      node.getElement().setAttribute("data-role", name);
      node.getElement()
          .executeJs(
              "this.addEventListener('dragstart', e => {"
                  + " e.dataTransfer.setData($0, this.dataset.role);"
                  + " e.dataTransfer.effectAllowed = 'move'; e.stopPropagation(); });",
              TYPE);
      droppable(node, name, moved);
      Div children = new Div();
      children.addClassName("relata-role-children");
      branch(children, Optional.of(name), moved, seen);
      into.add(node, children);
    }
  }

  /** Takes a role dropped here: under {@code parent}, or at the top when it is empty. */
  private static void droppable(
      Div target, String parent, BiConsumer<String, Optional<String>> moved) {
    DropZone.accept(
        target.getElement(),
        TYPE,
        (role, at) -> {
          if (role != null && !role.isEmpty() && !role.equals(parent)) {
            moved.accept(role, parent.isEmpty() ? Optional.empty() : Optional.of(parent));
          }
        });
  }
}
