// Where each rule comes from, cited on every finding so that a licensee or reviewer can check it.
// 31 CFR 592 = OFAC Rough Diamonds Control Regulations; 15 CFR 30 = Census Foreign Trade
// Regulations; "Census 2019" = the Census Bureau's guidance to KP licensees (Oct 2019), which
// lists the mistakes agencies see most.
export const sources = {
  title: '31 CFR 592.307(a)',
  origin: '31 CFR 592.307(b)',
  originMixed: '31 CFR 592.307(b), note to paragraph (b)',
  originNotUs: '31 CFR 592.307(b); Census 2019 licensee guidance',
  domesticRecovery:
    '31 CFR 592.307(b) (origin: where the diamonds were mined); Census 2019 licensee guidance',
  number: '31 CFR 592.307(c)',
  numberUnique: '31 CFR 592.307(c); 592.313 (voided certificates)',
  numberImport: '31 CFR 592.307(c); Census 2019 licensee guidance',
  dateOfIssue: '31 CFR 592.307(d)',
  dateOfExpiry: '31 CFR 592.307(e)',
  expiryLimit: '31 CFR 592.307(e); USKPA (expiry at most 60 days after issue); Census 2019',
  expired: '31 CFR 592.307(e); Census 2019 licensee guidance (an expired certificate used)',
  issueBeforeExport: '31 CFR 592.307(d); Census 2019 licensee guidance',
  parties: '31 CFR 592.307(g)',
  printedLength: '31 CFR 592.307(g); the certificate layout (what its boxes print)',
  carrierOnly: '31 CFR 592.307(g); USKPA licence terms (only common carriers issue for others)',
  consigneeCountry: '31 CFR 592.307(g); Census 2019 licensee guidance',
  exporterCountry:
    "31 CFR 592.307(g); USKPA certificate form (the exporter's address names its country)",
  destination: '31 CFR 592.201; 592.308 (Participant)',
  carats: '31 CFR 592.307(h)',
  value: '31 CFR 592.307(i)',
  parcels: '31 CFR 592.307(j)',
  pricePlausibility:
    '31 CFR 592.307(h)-(i); usual US$ per carat from KPCS annual statistics (a setting)',
  hsCode: '31 CFR 592.307(k); 592.310',
  hsOnePerCertificate: '31 CFR 592.307(k); Census 2019 licensee guidance',
  itn: '31 CFR 592.307(l); 592.301(a)(5); 15 CFR 30.7(c)',
  itnOncePerShipment:
    '15 CFR 30.6 and 30.7(c) (one EEI filing per shipment); Census 2019 licensee guidance',
  itnTiming: '15 CFR 30.4 (predeparture filing); 30.7(c)',
  aesLicense: '15 CFR 30.6 (licence type T12, number and value); Census 2019 licensee guidance',
  ftz: '15 CFR 30.6 (foreign trade zone identifier); Census 2019 licensee guidance',
} as const;
