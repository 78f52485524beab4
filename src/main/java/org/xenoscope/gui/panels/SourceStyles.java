package org.xenoscope.gui.panels;

import java.awt.Color;
import java.util.EnumMap;
import java.util.Map;
import javax.swing.JTextPane;
import javax.swing.SwingUtilities;
import javax.swing.text.AttributeSet;
import javax.swing.text.BadLocationException;
import javax.swing.text.Element;
import javax.swing.text.SimpleAttributeSet;
import javax.swing.text.StyleConstants;
import javax.swing.text.StyledDocument;

/** Applies {@link NasmSyntax} colours to a text pane, coalescing edits into one pass on the EDT. */
final class SourceStyles {
    private static final String KIND = "nasm-kind";
    private final JTextPane text;
    private final Map<NasmSyntax.Kind, SimpleAttributeSet> attrs = new EnumMap<>(NasmSyntax.Kind.class);
    private final SimpleAttributeSet plain = new SimpleAttributeSet();
    private boolean pending;

    SourceStyles(JTextPane text) {
        this.text = text;
        put(NasmSyntax.Kind.MNEMONIC, Palette.KEYWORD, true);
        put(NasmSyntax.Kind.REGISTER, Palette.REGISTER, false);
        put(NasmSyntax.Kind.DIRECTIVE, Palette.KEYWORD, false);
        put(NasmSyntax.Kind.NUMBER, Palette.LITERAL, false);
        put(NasmSyntax.Kind.STRING, Palette.LITERAL, false);
        put(NasmSyntax.Kind.COMMENT, Palette.COMMENT, false);
    }

    private void put(NasmSyntax.Kind k, Color c, boolean bold) {
        SimpleAttributeSet a = new SimpleAttributeSet();
        StyleConstants.setForeground(a, c);
        StyleConstants.setBold(a, bold);
        a.addAttribute(KIND, k.name());
        attrs.put(k, a);
    }

    /** Restyles after the current event (several edits in one event give one pass). */
    void later() {
        if (!pending) {
            pending = true;
            SwingUtilities.invokeLater(this::now);
        }
    }

    /** Contract: restyles the whole document now (attribute changes only; the text is not touched). */
    void now() {
        pending = false;
        StyledDocument doc = text.getStyledDocument();
        Element root = doc.getDefaultRootElement();
        doc.setCharacterAttributes(0, doc.getLength(), plain, true);
        for (int i = 0; i < root.getElementCount(); i++) {
            Element el = root.getElement(i);
            String line;
            try {
                line = doc.getText(el.getStartOffset(), el.getEndOffset() - el.getStartOffset());
            } catch (BadLocationException e) {
                continue;
            }
            for (NasmSyntax.Span s : NasmSyntax.spans(line)) {
                doc.setCharacterAttributes(el.getStartOffset() + s.start(), s.length(), attrs.get(s.kind()), true);
            }
        }
    }

    /** The syntax kind at {@code offset} ("MNEMONIC", ...), or null for plain text. */
    String kindAt(int offset) {
        AttributeSet a = text.getStyledDocument().getCharacterElement(offset).getAttributes();
        Object k = a.getAttribute(KIND);
        return k == null ? null : k.toString();
    }
}
