package io.relata.ui.screen;

import com.vaadin.flow.dom.Element;
import java.util.function.BiConsumer;

/**
 * Where something dragged with the browser's own drag and drop may be dropped: a board's column, a
 * list of chips, a role. The browser lets only a drag of the zone's {@code type} drop, marks the
 * zone with {@code dragover} while it is over it, and the server is told the dragged data and the
 * {@code data-drop-at} of the element it was dropped on (empty when none): the one place the page's
 * part of a drop is written. Vaadin's free components have no sortable list; every drop has a
 * keyboard way besides it.
 */
public final class DropZone {

  private DropZone() {}

  /** Makes {@code zone} take drops of {@code type}, handing {@code dropped} the data and place. */
  public static void accept(Element zone, String type, BiConsumer<String, String> dropped) {
    zone.executeJs(
        "const type = $0;"
            + "this.addEventListener('dragover', e => {"
            + " if (!e.dataTransfer.types.includes(type)) return;"
            + " e.preventDefault(); e.stopPropagation(); e.dataTransfer.dropEffect = 'move';"
            + " this.setAttribute('dragover', ''); });"
            + "this.addEventListener('dragleave', e => {"
            + " if (!this.contains(e.relatedTarget)) this.removeAttribute('dragover'); });"
            + "this.addEventListener('drop', e => {"
            + " if (!e.dataTransfer.types.includes(type)) return;"
            + " e.preventDefault(); e.stopPropagation(); this.removeAttribute('dragover');"
            + " const at = e.target.closest && e.target.closest('[data-drop-at]');"
            + " this.dispatchEvent(new CustomEvent('relata-drop', {detail: {"
            + " data: e.dataTransfer.getData(type),"
            + " at: at && this.contains(at) ? at.dataset.dropAt : ''}})); });",
        type);
    zone.addEventListener(
            "relata-drop",
            e ->
                dropped.accept(
                    e.getEventData().getString("event.detail.data"),
                    e.getEventData().getString("event.detail.at")))
        .addEventData("event.detail.data")
        .addEventData("event.detail.at");
  }
}
