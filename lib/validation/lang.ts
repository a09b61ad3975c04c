// The reader's language as a query parameter (`lang=zh`), for downloads that carry no cookie.
import { z } from "zod";

export const LangParam = z.enum(["en", "zh"], "must be en or zh");
