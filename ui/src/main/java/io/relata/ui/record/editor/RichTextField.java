package io.relata.ui.record.editor;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Div;
import io.relata.ui.screen.WebJars;

/**
 * Rich text in Quill (BSD-3-Clause), loaded once per page from its WebJar as a static resource:
 * paragraphs, headings, bold, italic, underline, lists and links. The browser sends the editor's
 * HTML as the user types (at most every half second) and when they leave it; the platform sanitises
 * whatever arrives, so what is stored and shown again is its safe subset.
 */
final class RichTextField extends CustomField<String> {

  private static final String SCRIPT = WebJars.url("quill", "dist/quill.min.js");
  private static final String STYLE = WebJars.url("quill", "dist/quill.snow.css");

  private static final String START =
      """
      const host = this, field = $0;
      window.relataQuill = window.relataQuill || new Promise((resolve, reject) => {
        const style = document.createElement('link');
        style.rel = 'stylesheet';
        style.href = $2;
        document.head.appendChild(style);
        const script = document.createElement('script');
        script.src = $1;
        script.onload = resolve;
        // a failed load is tried again by the next editor, not remembered for the page's life
        script.onerror = (e) => { window.relataQuill = undefined; reject(e); };
        document.head.appendChild(script);
      });
      window.relataQuill.then(() => {
        if (host.relataEditor) { return; }
        const quill = new Quill(host, {
          theme: 'snow',
          modules: {toolbar: [[{header: [2, 3, false]}], ['bold', 'italic', 'underline'],
              [{list: 'ordered'}, {list: 'bullet'}], ['link'], ['clean']]}
        });
        host.relataEditor = quill;
        let timer;
        const send = () => {
          clearTimeout(timer);
          const html = quill.getLength() <= 1 ? '' : quill.root.innerHTML;
          field.$server.edited(html);
        };
        quill.on('text-change', (delta, old, source) => {
          if (source !== 'user') { return; }
          clearTimeout(timer);
          timer = setTimeout(send, 500);
        });
        quill.root.addEventListener('blur', send);
        host.relataShow = (html, readOnly) => {
          // contents without a selection: showing a record neither focuses nor scrolls to it
          quill.setContents(html ? quill.clipboard.convert(html) : [], 'silent');
          quill.enable(!readOnly);
          field.toggleAttribute('readonly', readOnly);
        };
        host.relataShow(host.relataPending ?? '', host.relataReadOnly ?? false);
        host.setAttribute('data-ready', 'true');
      });
      """;

  private final Div host = new Div();
  private String html = "";
  private boolean readOnly;

  RichTextField() {
    addClassName("relata-rich-text");
    host.addClassName("relata-rich-text-editor");
    // Quill puts its toolbar before the editor, in the same parent: one box holds both
    Div box = new Div(host);
    box.addClassName("relata-rich-text-box");
    add(box);
  }

  @Override
  protected void onAttach(AttachEvent attachEvent) {
    super.onAttach(attachEvent);
    host.getElement().executeJs(START, getElement(), SCRIPT, STYLE);
    show();
  }

  @ClientCallable
  private void edited(String edited) {
    if (readOnly) {
      return; // the browser's word is not taken for a field it may not change
    }
    html = edited == null ? "" : edited;
    updateValue();
  }

  @Override
  protected String generateModelValue() {
    return html;
  }

  @Override
  protected void setPresentationValue(String value) {
    html = value == null ? "" : value;
    show();
  }

  @Override
  public void setReadOnly(boolean readOnly) {
    super.setReadOnly(readOnly);
    this.readOnly = readOnly;
    show();
  }

  @Override
  public String getEmptyValue() {
    return "";
  }

  private void show() {
    host.getElement()
        .executeJs(
            "this.relataPending = $0; this.relataReadOnly = $1;"
                + " if (this.relataShow) { this.relataShow($0, $1); }",
            html,
            readOnly);
  }
}
