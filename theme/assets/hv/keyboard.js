/* Keyboard use: nothing hidden takes focus (WCAG 2.4.3, 2.4.7). */
