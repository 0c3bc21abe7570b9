/** @module Tests for `facts-products`: realistic customer messages, including the negatives it must leave alone. */
import { describe, expect, it } from "vitest";
import { readCustomerText } from "./customer-text.js";
import { detectProducts } from "./facts-products.js";

const products = (s: string, productNames?: string[]) =>
  detectProducts({ text: readCustomerText(s), context: productNames ? { productNames } : {} }).map((f) => [
    f.value,
    f.normalized,
  ]);

describe("detectProducts", () => {
  it("recognises the desk's own products first", () => {
    expect(products("my Keel Cloud Pro plan broke", ["Keel Cloud Pro"])).toEqual([
      ["Keel Cloud Pro", "Keel Cloud Pro"],
    ]);
  });
  it("recognises well-known products with model words", () => {
    expect(products("my iPhone 12 Pro Max and my PS5 died")).toEqual([
      ["iPhone 12 Pro Max", "iphone 12 pro max"],
      ["PS5", "ps5"],
    ]);
  });
  it("finds nothing in a message without products", () => {
    expect(products("where is my parcel")).toEqual([]);
  });
});
