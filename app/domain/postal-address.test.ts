import { expect, test } from "vitest";
import { postalAddress } from "~/domain/postal-address";

test("the postcode and the town are added once: never again when the street line already holds them", () => {
  expect(postalAddress("Quai Henri IV, 76200 Dieppe", "76200", "Dieppe")).toBe("Quai Henri IV, 76200 Dieppe");
  expect(postalAddress("Quai Henri IV", "76200", "Dieppe")).toBe("Quai Henri IV, 76200 Dieppe");
  expect(postalAddress("Quai Henri IV, Dieppe", "76200", "Dieppe")).toBe("Quai Henri IV, 76200 Dieppe");
  expect(postalAddress("Quai Henri IV, 76200 DIEPPE ", "76200", "Dieppe")).toBe("Quai Henri IV, 76200 DIEPPE");
  expect(postalAddress("76200 Dieppe", "76200", "Dieppe")).toBe("76200 Dieppe");
  expect(postalAddress("Salle des associations, rue Jean Jaurès, 76550 Offranville", "76550", "Offranville")).toBe(
    "Salle des associations, rue Jean Jaurès, 76550 Offranville",
  );
  // A house number is not a postcode; a street named after the town is not the town.
  expect(postalAddress("76 rue de Dieppe", "76200", "Dieppe")).toBe("76 rue de Dieppe, 76200 Dieppe");
  // A full address typed with another commune's postcode and town keeps them, without a second town.
  expect(postalAddress("Ferme des Falaises, 76550 Offranville", "76200", "Dieppe")).toBe("Ferme des Falaises, 76550 Offranville");
  expect(postalAddress("12 rue des Bains, 76370 Neuville-lès-Dieppe", "76200", "Dieppe")).toBe("12 rue des Bains, 76370 Neuville-lès-Dieppe");
  expect(postalAddress("Lieu-dit 76550, chemin vert", "76200", "Dieppe")).toBe("Lieu-dit 76550, chemin vert, 76200 Dieppe");
  expect(postalAddress("", "76200", "Dieppe")).toBe("76200 Dieppe");
  expect(postalAddress("12 rue des Bains", null, null)).toBe("12 rue des Bains");
  expect(postalAddress("Quai Henri IV, Dieppe", null, "Dieppe")).toBe("Quai Henri IV, Dieppe");
  expect(postalAddress("Quai Henri IV", null, "Dieppe")).toBe("Quai Henri IV, Dieppe");
});
