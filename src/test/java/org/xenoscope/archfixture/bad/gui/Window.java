package org.xenoscope.archfixture.bad.gui;

import javax.swing.JPanel;

/** Fixture: Swing inside gui is allowed and must not be reported. */
public class Window {
    JPanel panel;
}
