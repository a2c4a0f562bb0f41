"""Contains all the data models used in inputs/outputs"""

from .activity import Activity
from .assigned import Assigned
from .assignment import Assignment
from .assignments_input_request import AssignmentsInputRequest
from .attendant import Attendant
from .attendant_action_enum import AttendantActionEnum
from .attendant_create_request import AttendantCreateRequest
from .attendant_key import AttendantKey
from .attendant_key_input_request import AttendantKeyInputRequest
from .billing_enum import BillingEnum
from .blank_enum import BlankEnum
from .closing_exception import ClosingException
from .closing_exception_input_request import ClosingExceptionInputRequest
from .code_request import CodeRequest
from .company import Company
from .company_input_request import CompanyInputRequest
from .company_kind_enum import CompanyKindEnum
from .company_ref import CompanyRef
from .customer import Customer
from .customer_offer import CustomerOffer
from .customer_offer_input_request import CustomerOfferInputRequest
from .delivery import Delivery
from .delivery_status_enum import DeliveryStatusEnum
from .destination_enum import DestinationEnum
from .device import Device
from .device_import import DeviceImport
from .device_import_error import DeviceImportError
from .device_import_input_request import DeviceImportInputRequest
from .device_import_status_enum import DeviceImportStatusEnum
from .device_input_request import DeviceInputRequest
from .device_kind_enum import DeviceKindEnum
from .device_patch_request import DevicePatchRequest
from .direction_enum import DirectionEnum
from .directory_entry import DirectoryEntry
from .email_failure_enum import EmailFailureEnum
from .email_status_enum import EmailStatusEnum
from .emergency import Emergency
from .emergency_input_request import EmergencyInputRequest
from .endpoint import Endpoint
from .endpoint_input_request import EndpointInputRequest
from .endpoint_with_secret import EndpointWithSecret
from .error import Error
from .event_company import EventCompany
from .event_endpoint import EventEndpoint
from .event_person import EventPerson
from .event_subscription import EventSubscription
from .event_type_enum import EventTypeEnum
from .events_enum import EventsEnum
from .greeting_enum import GreetingEnum
from .holder import Holder
from .hunt_group import HuntGroup
from .hunt_group_input_request import HuntGroupInputRequest
from .invitation import Invitation
from .invitation_accepted_webhook import InvitationAcceptedWebhook
from .invitation_accepted_webhook_type import InvitationAcceptedWebhookType
from .invitation_cancelled_webhook import InvitationCancelledWebhook
from .invitation_cancelled_webhook_type import InvitationCancelledWebhookType
from .invitation_data import InvitationData
from .invitation_declined_webhook import InvitationDeclinedWebhook
from .invitation_declined_webhook_type import InvitationDeclinedWebhookType
from .invitation_event import InvitationEvent
from .invitation_expired_webhook import InvitationExpiredWebhook
from .invitation_expired_webhook_type import InvitationExpiredWebhookType
from .invitation_input_request import InvitationInputRequest
from .invitation_sent_webhook import InvitationSentWebhook
from .invitation_sent_webhook_type import InvitationSentWebhookType
from .invitation_status_enum import InvitationStatusEnum
from .language_enum import LanguageEnum
from .license_assigned_webhook import LicenseAssignedWebhook
from .license_assigned_webhook_type import LicenseAssignedWebhookType
from .license_event import LicenseEvent
from .license_unassigned_webhook import LicenseUnassignedWebhook
from .license_unassigned_webhook_type import LicenseUnassignedWebhookType
from .line import Line
from .line_input_request import LineInputRequest
from .me import Me
from .member_added_webhook import MemberAddedWebhook
from .member_added_webhook_type import MemberAddedWebhookType
from .member_data import MemberData
from .member_deactivated_webhook import MemberDeactivatedWebhook
from .member_deactivated_webhook_type import MemberDeactivatedWebhookType
from .member_event import MemberEvent
from .member_import import MemberImport
from .member_import_error import MemberImportError
from .member_import_input_request import MemberImportInputRequest
from .member_import_status_enum import MemberImportStatusEnum
from .member_input_request import MemberInputRequest
from .message import Message
from .message_author import MessageAuthor
from .message_input_request import MessageInputRequest
from .new_recovery_codes import NewRecoveryCodes
from .notification import Notification
from .numbers_input_request import NumbersInputRequest
from .offer import Offer
from .opening_hours import OpeningHours
from .opening_hours_request import OpeningHoursRequest
from .paginated_activity_list import PaginatedActivityList
from .paginated_assignment_list import PaginatedAssignmentList
from .paginated_attendant_list import PaginatedAttendantList
from .paginated_customer_list import PaginatedCustomerList
from .paginated_delivery_list import PaginatedDeliveryList
from .paginated_device_list import PaginatedDeviceList
from .paginated_emergency_list import PaginatedEmergencyList
from .paginated_endpoint_list import PaginatedEndpointList
from .paginated_hunt_group_list import PaginatedHuntGroupList
from .paginated_invitation_list import PaginatedInvitationList
from .paginated_line_list import PaginatedLineList
from .paginated_message_list import PaginatedMessageList
from .paginated_notification_list import PaginatedNotificationList
from .paginated_pbx_list import PaginatedPbxList
from .paginated_public_number_list import PaginatedPublicNumberList
from .paginated_subscription_list import PaginatedSubscriptionList
from .paginated_user_list import PaginatedUserList
from .paginated_welcome_service_list import PaginatedWelcomeServiceList
from .partner_company import PartnerCompany
from .partner_event import PartnerEvent
from .partner_link import PartnerLink
from .partner_link_data import PartnerLinkData
from .partner_link_data_end_reason import PartnerLinkDataEndReason
from .partner_linked_webhook import PartnerLinkedWebhook
from .partner_linked_webhook_type import PartnerLinkedWebhookType
from .partner_scopes_changed_webhook import PartnerScopesChangedWebhook
from .partner_scopes_changed_webhook_type import PartnerScopesChangedWebhookType
from .partner_unlinked_webhook import PartnerUnlinkedWebhook
from .partner_unlinked_webhook_type import PartnerUnlinkedWebhookType
from .patched_attendant_input_request import PatchedAttendantInputRequest
from .patched_company_update_request import PatchedCompanyUpdateRequest
from .patched_emergency_patch_request import PatchedEmergencyPatchRequest
from .patched_endpoint_patch_request import PatchedEndpointPatchRequest
from .patched_hunt_group_input_request import PatchedHuntGroupInputRequest
from .patched_line_patch_request import PatchedLinePatchRequest
from .patched_number_patch_request import PatchedNumberPatchRequest
from .patched_pbx_patch_request import PatchedPbxPatchRequest
from .patched_subscription_change_request import PatchedSubscriptionChangeRequest
from .patched_welcome_service_input_request import PatchedWelcomeServiceInputRequest
from .pbx import Pbx
from .pbx_data import PbxData
from .pbx_declared_webhook import PbxDeclaredWebhook
from .pbx_declared_webhook_type import PbxDeclaredWebhookType
from .pbx_event import PbxEvent
from .pbx_input_request import PbxInputRequest
from .pbx_kind_enum import PbxKindEnum
from .pbx_removed_webhook import PbxRemovedWebhook
from .pbx_removed_webhook_type import PbxRemovedWebhookType
from .pbx_status_enum import PbxStatusEnum
from .pbx_updated_webhook import PbxUpdatedWebhook
from .pbx_updated_webhook_type import PbxUpdatedWebhookType
from .person_ref import PersonRef
from .person_status_enum import PersonStatusEnum
from .ping_event import PingEvent
from .ping_webhook import PingWebhook
from .ping_webhook_type import PingWebhookType
from .policy_enum import PolicyEnum
from .public_number import PublicNumber
from .public_numbers_added import PublicNumbersAdded
from .read_all import ReadAll
from .ref import Ref
from .require_two_factor_enum import RequireTwoFactorEnum
from .reseller import Reseller
from .role_enum import RoleEnum
from .scopes_enum import ScopesEnum
from .scopes_input_request import ScopesInputRequest
from .subscription import Subscription
from .subscription_created_webhook import SubscriptionCreatedWebhook
from .subscription_created_webhook_type import SubscriptionCreatedWebhookType
from .subscription_data import SubscriptionData
from .subscription_event import SubscriptionEvent
from .subscription_input_request import SubscriptionInputRequest
from .subscription_status_enum import SubscriptionStatusEnum
from .subscription_terminated_webhook import SubscriptionTerminatedWebhook
from .subscription_terminated_webhook_type import SubscriptionTerminatedWebhookType
from .subscription_updated_webhook import SubscriptionUpdatedWebhook
from .subscription_updated_webhook_type import SubscriptionUpdatedWebhookType
from .target import Target
from .token import Token
from .token_input_request import TokenInputRequest
from .totp_secret import TotpSecret
from .two_factor_status import TwoFactorStatus
from .upload_request import UploadRequest
from .user import User
from .v1_invitations_list_direction import V1InvitationsListDirection
from .validation_errors import ValidationErrors
from .welcome_service import WelcomeService
from .welcome_service_create_request import WelcomeServiceCreateRequest

__all__ = (
    "Activity",
    "Assigned",
    "Assignment",
    "AssignmentsInputRequest",
    "Attendant",
    "AttendantActionEnum",
    "AttendantCreateRequest",
    "AttendantKey",
    "AttendantKeyInputRequest",
    "BillingEnum",
    "BlankEnum",
    "ClosingException",
    "ClosingExceptionInputRequest",
    "CodeRequest",
    "Company",
    "CompanyInputRequest",
    "CompanyKindEnum",
    "CompanyRef",
    "Customer",
    "CustomerOffer",
    "CustomerOfferInputRequest",
    "Delivery",
    "DeliveryStatusEnum",
    "DestinationEnum",
    "Device",
    "DeviceImport",
    "DeviceImportError",
    "DeviceImportInputRequest",
    "DeviceImportStatusEnum",
    "DeviceInputRequest",
    "DeviceKindEnum",
    "DevicePatchRequest",
    "DirectionEnum",
    "DirectoryEntry",
    "EmailFailureEnum",
    "EmailStatusEnum",
    "Emergency",
    "EmergencyInputRequest",
    "Endpoint",
    "EndpointInputRequest",
    "EndpointWithSecret",
    "Error",
    "EventCompany",
    "EventEndpoint",
    "EventPerson",
    "EventsEnum",
    "EventSubscription",
    "EventTypeEnum",
    "GreetingEnum",
    "Holder",
    "HuntGroup",
    "HuntGroupInputRequest",
    "Invitation",
    "InvitationAcceptedWebhook",
    "InvitationAcceptedWebhookType",
    "InvitationCancelledWebhook",
    "InvitationCancelledWebhookType",
    "InvitationData",
    "InvitationDeclinedWebhook",
    "InvitationDeclinedWebhookType",
    "InvitationEvent",
    "InvitationExpiredWebhook",
    "InvitationExpiredWebhookType",
    "InvitationInputRequest",
    "InvitationSentWebhook",
    "InvitationSentWebhookType",
    "InvitationStatusEnum",
    "LanguageEnum",
    "LicenseAssignedWebhook",
    "LicenseAssignedWebhookType",
    "LicenseEvent",
    "LicenseUnassignedWebhook",
    "LicenseUnassignedWebhookType",
    "Line",
    "LineInputRequest",
    "Me",
    "MemberAddedWebhook",
    "MemberAddedWebhookType",
    "MemberData",
    "MemberDeactivatedWebhook",
    "MemberDeactivatedWebhookType",
    "MemberEvent",
    "MemberImport",
    "MemberImportError",
    "MemberImportInputRequest",
    "MemberImportStatusEnum",
    "MemberInputRequest",
    "Message",
    "MessageAuthor",
    "MessageInputRequest",
    "NewRecoveryCodes",
    "Notification",
    "NumbersInputRequest",
    "Offer",
    "OpeningHours",
    "OpeningHoursRequest",
    "PaginatedActivityList",
    "PaginatedAssignmentList",
    "PaginatedAttendantList",
    "PaginatedCustomerList",
    "PaginatedDeliveryList",
    "PaginatedDeviceList",
    "PaginatedEmergencyList",
    "PaginatedEndpointList",
    "PaginatedHuntGroupList",
    "PaginatedInvitationList",
    "PaginatedLineList",
    "PaginatedMessageList",
    "PaginatedNotificationList",
    "PaginatedPbxList",
    "PaginatedPublicNumberList",
    "PaginatedSubscriptionList",
    "PaginatedUserList",
    "PaginatedWelcomeServiceList",
    "PartnerCompany",
    "PartnerEvent",
    "PartnerLink",
    "PartnerLinkData",
    "PartnerLinkDataEndReason",
    "PartnerLinkedWebhook",
    "PartnerLinkedWebhookType",
    "PartnerScopesChangedWebhook",
    "PartnerScopesChangedWebhookType",
    "PartnerUnlinkedWebhook",
    "PartnerUnlinkedWebhookType",
    "PatchedAttendantInputRequest",
    "PatchedCompanyUpdateRequest",
    "PatchedEmergencyPatchRequest",
    "PatchedEndpointPatchRequest",
    "PatchedHuntGroupInputRequest",
    "PatchedLinePatchRequest",
    "PatchedNumberPatchRequest",
    "PatchedPbxPatchRequest",
    "PatchedSubscriptionChangeRequest",
    "PatchedWelcomeServiceInputRequest",
    "Pbx",
    "PbxData",
    "PbxDeclaredWebhook",
    "PbxDeclaredWebhookType",
    "PbxEvent",
    "PbxInputRequest",
    "PbxKindEnum",
    "PbxRemovedWebhook",
    "PbxRemovedWebhookType",
    "PbxStatusEnum",
    "PbxUpdatedWebhook",
    "PbxUpdatedWebhookType",
    "PersonRef",
    "PersonStatusEnum",
    "PingEvent",
    "PingWebhook",
    "PingWebhookType",
    "PolicyEnum",
    "PublicNumber",
    "PublicNumbersAdded",
    "ReadAll",
    "Ref",
    "RequireTwoFactorEnum",
    "Reseller",
    "RoleEnum",
    "ScopesEnum",
    "ScopesInputRequest",
    "Subscription",
    "SubscriptionCreatedWebhook",
    "SubscriptionCreatedWebhookType",
    "SubscriptionData",
    "SubscriptionEvent",
    "SubscriptionInputRequest",
    "SubscriptionStatusEnum",
    "SubscriptionTerminatedWebhook",
    "SubscriptionTerminatedWebhookType",
    "SubscriptionUpdatedWebhook",
    "SubscriptionUpdatedWebhookType",
    "Target",
    "Token",
    "TokenInputRequest",
    "TotpSecret",
    "TwoFactorStatus",
    "UploadRequest",
    "User",
    "V1InvitationsListDirection",
    "ValidationErrors",
    "WelcomeService",
    "WelcomeServiceCreateRequest",
)
