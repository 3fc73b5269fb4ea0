// Every finding code a certificate rule can produce; one closed list so the renderer, the CLI's
// --json output and the tests agree. Grouped by the element of the certificate they concern
// (31 CFR 592.307; docs/certificate-format.md lists each with its rule and source).
export const findingCodes = [
  // Element 3: the unique number
  'NUMBER_MISSING',
  'NUMBER_FORMAT',
  'NUMBER_NOT_US',
  'NUMBER_ZERO_PADDED',
  'NUMBER_ALREADY_USED',
  'NUMBER_IS_IMPORT_CERTIFICATE',
  'NUMBER_TOO_LONG',
  // Element 2: country of origin
  'ORIGIN_MISSING',
  'ORIGIN_MULTIPLE',
  'ORIGIN_US',
  'ORIGIN_UNKNOWN',
  'ORIGIN_NOT_PARTICIPANT',
  // Elements 4-5: dates, and the planned export date
  'ISSUE_DATE_MISSING',
  'ISSUE_DATE_INVALID',
  'EXPIRY_DATE_MISSING',
  'EXPIRY_DATE_INVALID',
  'EXPIRY_NOT_AFTER_ISSUE',
  'EXPIRY_TOO_LATE',
  'EXPORT_DATE_MISSING',
  'EXPORT_DATE_INVALID',
  'ISSUE_AFTER_EXPORT',
  'EXPORT_AFTER_EXPIRY',
  // Element 7: exporter, ultimate consignee, destination
  'EXPORTER_NAME_MISSING',
  'EXPORTER_ADDRESS_MISSING',
  'EXPORTER_NOT_LICENSEE',
  'EXPORTER_NAME_TOO_LONG',
  'EXPORTER_ADDRESS_TOO_LONG',
  'CONSIGNEE_NAME_MISSING',
  'CONSIGNEE_ADDRESS_MISSING',
  'CONSIGNEE_ADDRESS_NO_DESTINATION',
  'CONSIGNEE_ADDRESS_ENDS_WITH_ORIGIN',
  'CONSIGNEE_NAME_TOO_LONG',
  'CONSIGNEE_ADDRESS_TOO_LONG',
  'DESTINATION_MISSING',
  'DESTINATION_UNKNOWN',
  'DESTINATION_US',
  'DESTINATION_NOT_PARTICIPANT',
  'DESTINATION_SANCTIONS',
  // Element 8: carats
  'CARATS_MISSING',
  'CARATS_MULTIPLE',
  'CARATS_FORMAT',
  'CARATS_PRECISION',
  'CARATS_TOO_SMALL',
  // Element 9: value in US$
  'VALUE_MISSING',
  'VALUE_MULTIPLE',
  'VALUE_FORMAT',
  'VALUE_PRECISION',
  'VALUE_NOT_POSITIVE',
  // Element 10: parcels
  'PARCELS_MISSING',
  'PARCELS_FORMAT',
  'PARCELS_TOO_FEW',
  'PARCELS_EXCEED_CARATS',
  // Element 11: HS code
  'HS_MISSING',
  'HS_MULTIPLE',
  'HS_UNKNOWN',
  // Element 12: validation by the ITN
  'ITN_MISSING',
  'ITN_FORMAT',
  'ITN_DATE_INVALID',
  'ITN_AFTER_EXPORT',
  'ITN_FAR_FROM_ISSUE',
  // What was keyed into AES
  'AES_LICENSE_TYPE',
  'AES_LICENSE_NUMBER_MISMATCH',
  'AES_LICENSE_VALUE_MISMATCH',
  'FTZ_NUMBER_MISSING',
] as const;
