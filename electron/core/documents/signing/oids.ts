// Object identifiers used by the signing code, with the document that assigns each.
export const OID = {
  /** RFC 5652 §4: id-data. */
  data: '1.2.840.113549.1.7.1',
  /** RFC 5652 §5: id-signedData. */
  signedData: '1.2.840.113549.1.7.2',
  /** RFC 5652 §11.1 / §11.2: content-type and message-digest signed attributes. */
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  /** RFC 5035 §3: id-aa-signingCertificateV2 (ESS). */
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  /** RFC 5652 §11.3: signing-time (not used with ETSI.CAdES.detached: the /M entry holds it). */
  signingTime: '1.2.840.113549.1.9.5',
  /** RFC 5754: SHA-256. */
  sha256: '2.16.840.1.101.3.4.2.1',
  /** RFC 8017: rsaEncryption and sha256WithRSAEncryption. */
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  /** RFC 5758 §3.2: ecdsa-with-SHA256. */
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  /** X.520 attribute types used in our subject names. */
  commonName: '2.5.4.3',
  organizationName: '2.5.4.10',
  countryName: '2.5.4.6',
  /** RFC 5280 §4.2.1: certificate extensions. */
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  extKeyUsage: '2.5.29.37',
  crlDistributionPoints: '2.5.29.31',
  /** RFC 3161 §2.3: id-kp-timeStamping, the only extended key usage of a TSA certificate. */
  timeStamping: '1.3.6.1.5.5.7.3.8',
  /** RFC 3161 §2.4.2: id-ct-TSTInfo, the content type of a time-stamp token. */
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  /** RFC 3161 Appendix A / ETSI EN 319 122-1 §5.3: the signature-time-stamp unsigned attribute. */
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  /** RFC 2634 §5.4: signing-certificate (ESSCertID, SHA-1), what many TSAs still send. */
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  sha1: '1.3.14.3.2.26',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  sha384WithRsa: '1.2.840.113549.1.1.12',
  sha512WithRsa: '1.2.840.113549.1.1.13',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
  extendedKeyUsage: '2.5.29.37',
  /** RFC 2985 §5.4.2: extensionRequest, the extensions a PKCS#10 request asks for. */
  extensionRequest: '1.2.840.113549.1.9.14',
  /** RFC 5280 §4.2.1.12: the extended key usage purposes a signing certificate may carry. */
  anyExtendedKeyUsage: '2.5.29.37.0',
  emailProtection: '1.3.6.1.5.5.7.3.4',
  /** RFC 9336: id-kp-documentSigning, the purpose made for signing human-readable documents. */
  documentSigning: '1.3.6.1.5.5.7.3.36',
  /** Microsoft's "Document Signing" purpose, which Adobe Acrobat and Windows recognise. */
  microsoftDocumentSigning: '1.3.6.1.4.1.311.10.3.12',
  /** Adobe's "Authentic Documents Trust" purpose (AATL signing certificates). */
  adobeAuthenticDocuments: '1.2.840.113583.1.1.5',
} as const;
