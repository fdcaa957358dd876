import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";

// zod/mini ships without messages, so every problem reads "Invalid input"; the English locale
// says what was expected and what was found. Imported by the modules that check user files.
z.config(en());
