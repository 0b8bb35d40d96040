/**
 * Italian writes the big cities' names in Italian ("Londra", "Parigi"); the rest keep the IANA
 * spelling. Shared by the drafts (phrases-it.ts) and the popup (ui/format.ts), so a city reads
 * the same in both.
 */
export const italianCityNames: Readonly<Record<string, string>> = {
  Rome: 'Roma',
  London: 'Londra',
  Paris: 'Parigi',
  Berlin: 'Berlino',
  Lisbon: 'Lisbona',
  Brussels: 'Bruxelles',
  Zurich: 'Zurigo',
  Vienna: 'Vienna',
  Warsaw: 'Varsavia',
  Prague: 'Praga',
  Dublin: 'Dublino',
  Athens: 'Atene',
  Moscow: 'Mosca',
  Stockholm: 'Stoccolma',
  Copenhagen: 'Copenaghen',
  'Mexico City': 'Città del Messico',
  'Sao Paulo': 'San Paolo',
};
