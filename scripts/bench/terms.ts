/** Real village names typed as people would: common stems (many namesakes) and rarer ones. */
export const SEARCH_TERMS = [
  "Cemeng", "Suka", "Sumber", "Karang", "Tanjung", "Mekar", "Harapan", "Bedoro", "Jaya", "Sido",
  "Wono", "Banjar", "Rejo", "Toyogo", "Kali", "Maju", "Baru", "Sari", "Lubuk", "Pulau",
];
