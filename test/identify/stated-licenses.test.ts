import { describe, expect, it } from "vitest";
import { getCatalog } from "../../src/catalog/catalog.js";
import { statedLicenses } from "../../src/identify/stated-licenses.js";

const ids = (section: string) => statedLicenses(section, 1, getCatalog()).map((stated) => stated.id);

describe("statedLicenses", () => {
  it.each([
    ["derived from Llama3.1-8B-Base and is originally licensed under llama3.1 license", ["llama3.1"]],
    ["The weights are released under CC BY-NC 4.0. See LICENSE.", ["cc-by-nc-4.0"]],
    [
      "The model is licensed under the [Apache 2.0](https://www.apache.org/licenses/LICENSE-2.0) license.",
      ["apache-2.0"],
    ],
    ["Use is governed by the Llama 3.1 Community License Agreement.", ["llama3.1"]],
    ["This model is made available under the terms of the **MIT License**.", ["mit"]],
  ])("names the license: %s", (section, expected) => {
    expect(ids(section)).toEqual(expected);
  });

  it.each([
    ["'Apache' alone", "This model is licensed under the Apache license."],
    ["'the license'", "Released under the license in the LICENSE file."],
    ["an unnamed license", "This model is released under an open license."],
    ["a dataset's license", "The training dataset is licensed under CC BY 4.0."],
    ["code's license", "The inference code is released under the MIT license."],
    ["a name with no licensing phrase", "We compare against MIT and Apache 2.0 baselines."],
  ])("names nothing: %s", (_name, section) => {
    expect(ids(section)).toEqual([]);
  });

  it("gives the line and the sentence", () => {
    expect(statedLicenses("\n\nSome words.\nThe weights are released under CC BY-NC 4.0.", 10, getCatalog())).toEqual([
      { id: "cc-by-nc-4.0", line: 13, quote: "The weights are released under CC BY-NC 4.0." },
    ]);
  });
});
