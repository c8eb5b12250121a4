package io.relata.ui.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.relata.platform.notification.Notification;
import io.relata.platform.notification.Notifications;
import io.relata.platform.time.Now;
import io.relata.ui.format.Values;
import io.relata.ui.session.SignedInUser;
import io.relata.ui.session.UserSettings;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The bell in the shell's bar: how many of the user's notifications are unread (counted again at
 * each navigation), and on a click their newest, each opening the record it is about and counting
 * as read; all read with one click.
 */
class NotificationBell extends Div {

  private static final int SHOWN = 20;

  private final Notifications notifications;
  private final Clock clock;
  private final Button bell = new Button(VaadinIcon.BELL_O.create());
  private final Span badge = new Span();

  NotificationBell(Notifications notifications, Clock clock) {
    this.notifications = notifications;
    this.clock = clock;
    addClassName("relata-bell");
    bell.setId("notifications");
    bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
    bell.setAriaLabel(getTranslation("shell.notifications"));
    bell.addClickListener(e -> open());
    badge.setId("notifications-unread");
    badge.addClassName("relata-bell-badge");
    badge.setVisible(false);
    add(bell, badge);
  }

  /** Counts the user's unread notifications again. */
  void refresh() {
    long unread = me().map(this::unread).orElse(0L);
    badge.setText(unread > 99 ? "99+" : Long.toString(unread));
    badge.setVisible(unread > 0);
    bell.setTooltipText(
        unread == 0
            ? getTranslation("shell.notifications.none")
            : getTranslation("shell.notifications.unread", unread));
  }

  private void open() {
    Optional<UUID> user = me();
    if (user.isEmpty()) {
      return;
    }
    Dialog dialog = new Dialog();
    dialog.setId("notifications-dialog");
    dialog.setHeaderTitle(getTranslation("shell.notifications"));
    dialog.setWidth("min(30rem, 100vw)");
    Values values = UserSettings.current().orElseThrow().values();
    List<Notification> newest = list(user.get());
    if (newest.isEmpty()) {
      dialog.add(new Paragraph(getTranslation("shell.notifications.none")));
    }
    for (Notification one : newest) {
      Div item = new Div();
      item.addClassName("relata-notification");
      if (one.read().isEmpty()) {
        item.addClassName("relata-unread");
      }
      Span title = new Span(one.title());
      title.addClassName("relata-notification-title");
      Span when = new Span(values.dateTime(one.at().toString()));
      when.addClassName("relata-muted");
      item.add(title, new Div(new Span(one.body())), when);
      if (one.object().isPresent() && one.record().isPresent()) {
        item.addClassName("relata-clickable");
        item.getElement().setAttribute("role", "link");
        item.getElement().setAttribute("tabindex", "0");
        item.addClickListener(
            e -> {
              markRead(user.get(), Optional.of(one.id()));
              dialog.close();
              UI.getCurrent().navigate("o/" + one.object().get() + "/" + one.record().get());
            });
      }
      dialog.add(item);
    }
    Button all =
        new Button(
            getTranslation("shell.notifications.read-all"),
            e -> {
              markRead(user.get(), Optional.empty());
              dialog.close();
            });
    all.setId("notifications-read-all");
    all.setEnabled(newest.stream().anyMatch(n -> n.read().isEmpty()));
    Button close = new Button(getTranslation("dialog.close"), e -> dialog.close());
    dialog.getFooter().add(all, close);
    dialog.open();
  }

  private void markRead(UUID user, Optional<UUID> one) {
    try {
      notifications.read(user, one, Now.of(clock));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    refresh();
  }

  private List<Notification> list(UUID user) {
    try {
      return notifications.of(user, Optional.empty(), SHOWN);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private long unread(UUID user) {
    try {
      return notifications.unread(user);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Optional<UUID> me() {
    return SignedInUser.current().map(actor -> actor.id());
  }
}
