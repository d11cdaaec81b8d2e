import CLibXML2
/// Renders report pages; see the files of this module.
enum ReportKitModule {}
