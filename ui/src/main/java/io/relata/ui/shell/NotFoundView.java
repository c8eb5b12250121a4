package io.relata.ui.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The one answer for an unknown address, an unknown object or record, and one the user may not
 * read: the same page, so that nobody learns what exists from it.
 */
@ParentLayout(MainLayout.class)
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

  public NotFoundView() {
    setId("not-found");
    addClassName("relata-empty-state");
    setAlignItems(Alignment.CENTER);
    add(
        VaadinIcon.SEARCH_MINUS.create(),
        new H2(getTranslation("not-found.title")),
        new Paragraph(getTranslation("not-found.text")),
        new Anchor("home", getTranslation("not-found.home")));
  }

  @Override
  public int setErrorParameter(
      BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
    return HttpServletResponse.SC_NOT_FOUND;
  }
}
